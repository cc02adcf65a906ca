/** fonteditor-core's TTF → EOT wrapper, imported alone (the package's index pulls in ~260 KB more). */
declare module 'fonteditor-core/lib/ttf/ttf2eot' {
  const ttf2eot:
    ((ttf: ArrayBuffer) => ArrayBuffer) | { default: (ttf: ArrayBuffer) => ArrayBuffer };
  export default ttf2eot;
}
