/** The integration's virtual modules (src/integration/virtual-modules.ts). */
declare module 'virtual:backchannel/config' {
  const settings: import('./integration/site-settings.ts').SiteSettings;
  export default settings;
}

declare module 'virtual:backchannel/views' {
  /** The verified views: read from the build's view store, or the dev server's latest. */
  export function currentViews(): import('./lib/views/view-store.ts').ViewStore;
}
