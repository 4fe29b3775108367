/** Background listeners of the quiz feature; called once from entrypoints/background.ts. */
export function registerQuizListeners(): void {}
