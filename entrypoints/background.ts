export default defineBackground(() => {
  // Listeners are registered by later features.
});
