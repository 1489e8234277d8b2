/** Vite's `?raw` import: the file's text as a string (used to reuse highlights.css in shadow roots). */
declare module '*.css?raw' {
  const text: string;
  export default text;
}
