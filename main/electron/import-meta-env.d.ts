/** What electron-vite defines in the main bundle (the same declarations as vite/client's). */
interface ImportMetaEnv {
  /** true under `electron-vite dev`, false in every built bundle (preview and packaged). */
  readonly DEV: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** electron-vite builds a `?modulePath` import as an entry of its own and gives its built file's path. */
declare module '*?modulePath' {
  const builtPath: string;
  export default builtPath;
}

/** electron-vite copies an `?asset` import into the bundle's folder and gives that file's path. */
declare module '*?asset' {
  const assetPath: string;
  export default assetPath;
}
