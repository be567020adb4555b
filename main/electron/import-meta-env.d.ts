/** What electron-vite defines in the main bundle (the same declarations as vite/client's). */
interface ImportMetaEnv {
  /** true under `electron-vite dev`, false in every built bundle (preview and packaged). */
  readonly DEV: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
