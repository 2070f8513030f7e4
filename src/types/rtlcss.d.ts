declare module 'rtlcss' {
  /** Mirrors a stylesheet for right-to-left languages. */
  export function process(css: string): string;
  const rtlcss: { process(css: string): string };
  export default rtlcss;
}
