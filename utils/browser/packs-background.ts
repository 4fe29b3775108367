/** Background listeners of the packs feature; called once from entrypoints/background.ts. */
export function registerPacksListeners(): void {}
