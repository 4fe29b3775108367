/** Background listeners of the panel feature; called once from entrypoints/background.ts. */
export function registerPanelListeners(): void {}
