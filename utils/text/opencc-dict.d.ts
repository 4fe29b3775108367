/** opencc-js ships its dictionaries as per-file ES modules without type declarations. */
declare module 'opencc-js/dict/TSCharacters' {
  /** `"trad simp|trad simp…"`: one traditional character, a space, its simplified form(s). */
  const dict: string;
  export default dict;
}
