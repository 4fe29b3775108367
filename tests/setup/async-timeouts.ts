/**
 * Waits in tests end when what they wait for happens; their limits only decide how long a real failure
 * takes to report. Testing Library's default (1 s) fails correct code on a busy CI machine, so it is raised
 * for the component tests (the files that run in happy-dom).
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 15_000 });
}

export {};
