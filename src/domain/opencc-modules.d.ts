/** opencc-js ships its locale parts and dictionaries as plain modules (package exports "./*") without types. */
declare module 'opencc-js/from/*' {
  const dictGroups: readonly (readonly (string | readonly (readonly [string, string])[])[])[];
  export default dictGroups;
}
declare module 'opencc-js/to/*' {
  const dictGroups: readonly (readonly (string | readonly (readonly [string, string])[])[])[];
  export default dictGroups;
}
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
