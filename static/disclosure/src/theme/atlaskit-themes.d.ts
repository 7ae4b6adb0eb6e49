// The theme CSS of @atlaskit/tokens ships as ES modules exporting one CSS string each; the
// package publishes their types under dist/types, which TypeScript does not find for these paths.
declare module '@atlaskit/tokens/dist/esm/artifacts/themes/*.js' {
  const css: string;
  export default css;
}
