/**
 * The look of the host pages: a Jira-like admin frame and a Confluence-like page header, drawn
 * with the same design tokens as the product so light and dark both look like the real thing.
 */
export const HOST_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  font: var(--ds-font-body, 400 14px/20px system-ui, sans-serif);
  font-family: ui-sans-serif, -apple-system, "Segoe UI", Ubuntu, system-ui, sans-serif;
  color: var(--ds-text, #292a2e);
  background: var(--ds-surface, #fff);
  display: flex; flex-direction: column; min-height: 100vh;
}
a { color: var(--ds-link, #1868db); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 12px; }
.topbar {
  display: flex; align-items: center; gap: 12px; height: 56px; padding: 0 16px;
  background: var(--ds-surface, #fff); border-bottom: 1px solid var(--ds-border, #0b120e24);
}
.product-logo {
  display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 6px;
  color: var(--ds-text-inverse, #fff); font-size: 16px;
}
.jira .product-logo { background: var(--ds-background-brand-bold, #1868db); }
.confluence .product-logo { background: var(--ds-background-brand-bold, #1868db); font-weight: 653; }
.product-name { font-weight: 653; font-size: 16px; margin-right: 16px; }
.topnav { display: flex; gap: 18px; color: var(--ds-text-subtle, #505258); font-weight: 500; }
.topbar-search {
  margin-left: auto; min-width: 220px; padding: 6px 10px; border-radius: 6px;
  border: 1px solid var(--ds-border-input, #8c8f97); color: var(--ds-text-subtlest, #6b6e76);
}
.create-button {
  padding: 6px 12px; border-radius: 4px; font-weight: 500;
  background: var(--ds-background-brand-bold, #1868db); color: var(--ds-text-inverse, #fff);
}
.avatar {
  display: inline-grid; place-items: center; width: 32px; height: 32px; border-radius: 50%;
  background: var(--ds-background-accent-purple-subtle, #d8a0f7); color: var(--ds-text, #292a2e); font-weight: 653;
}
.preview-bar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 16px; padding: 8px 16px;
  background: var(--ds-background-accent-yellow-subtlest, #fff7d6);
  border-bottom: 1px solid var(--ds-border-accent-yellow, #b38600);
  color: var(--ds-text, #292a2e);
}
.preview-badge {
  font-weight: 653; text-transform: uppercase; font-size: 11px; letter-spacing: .04em;
  padding: 2px 6px; border-radius: 3px;
  background: var(--ds-background-accent-yellow-subtle, #f5cd47); color: var(--ds-text-accent-yellow-bolder, #533f04);
}
.preview-bar select {
  font: inherit; color: var(--ds-text, #292a2e); background: var(--ds-background-input, #fff);
  border: 1px solid var(--ds-border-input, #8c8f97); border-radius: 4px; padding: 2px 4px;
}
.preview-file { color: var(--ds-text-subtle, #505258); }
.layout { display: flex; flex: 1; min-height: 0; }
.sidebar {
  width: 240px; flex: none; padding: 16px 8px; background: var(--ds-surface, #fff);
  border-right: 1px solid var(--ds-border, #0b120e24); color: var(--ds-text-subtle, #505258);
}
.sidebar ul { list-style: none; margin: 0 0 16px; padding: 0; }
.sidebar li { padding: 8px 12px; border-radius: 4px; }
.sidebar li.active {
  background: var(--ds-background-selected, #e9f2fe); color: var(--ds-text-selected, #1868db); font-weight: 500;
  box-shadow: inset 2px 0 0 var(--ds-border-selected, #1868db);
}
.sidebar-heading {
  margin: 8px 12px; font-size: 12px; font-weight: 653; color: var(--ds-text-subtlest, #6b6e76);
}
.content { flex: 1; min-width: 0; padding: 16px 24px; display: flex; flex-direction: column; }
.breadcrumbs { margin: 0 0 8px; color: var(--ds-text-subtlest, #6b6e76); }
.confluence-page { max-width: 1200px; width: 100%; margin: 0 auto; }
.space-header { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
.space-header h1 { margin: 0; font-size: 24px; font-weight: 653; }
.app-icon {
  display: inline-grid; place-items: center; width: 40px; height: 40px; border-radius: 8px;
  background: var(--ds-background-accent-blue-subtler, #cfe1fd); color: var(--ds-text-accent-blue-bolder, #1c2b42);
  font-weight: 653; font-size: 14px;
}
.app-frame {
  flex: 1; width: 100%; min-height: 70vh; border: 0; border-radius: 4px;
  background: var(--ds-surface, #fff);
}
.declaration-status {
  margin: 0 0 12px; padding: 12px 16px; border-radius: 4px;
  background: var(--ds-background-danger, #ffeceb); color: var(--ds-text, #292a2e);
  border-left: 4px solid var(--ds-border-danger, #e2483d);
}
.declaration-status h2 { margin: 0 0 4px; font-size: 16px; }
.declaration-status ul { margin: 8px 0 0; padding-left: 20px; }
.declaration-status li { margin: 2px 0; }
.store-status {
  margin: 0 0 12px; padding: 12px 16px; border-radius: 4px;
  background: var(--ds-background-warning, #fff5db); color: var(--ds-text, #292a2e);
  border-left: 4px solid var(--ds-border-warning, #e06c00);
}
.store-status[data-state="started-over"] {
  background: var(--ds-background-information, #e9f2fe); border-left-color: var(--ds-border-information, #357de8);
}
.store-status h2 { margin: 0 0 4px; font-size: 16px; }
.store-status p { margin: 4px 0; overflow-wrap: anywhere; }
.store-error { color: var(--ds-text-danger, #ae2e24); }
.store-button {
  margin-top: 8px; padding: 6px 12px; border-radius: 4px; border: 0; font: inherit; font-weight: 500;
  background: var(--ds-background-brand-bold, #1868db); color: var(--ds-text-inverse, #fff); cursor: pointer;
}
.store-button:disabled { opacity: .6; cursor: progress; }
.open-request {
  margin: 0 0 12px; padding: 8px 16px; border-radius: 4px;
  background: var(--ds-background-information, #e9f2fe); border-left: 4px solid var(--ds-border-information, #357de8);
}
.flags { position: fixed; right: 24px; bottom: 24px; display: grid; gap: 8px; }
.flag {
  min-width: 280px; padding: 12px 16px; border-radius: 4px; background: var(--ds-surface-overlay, #fff);
  box-shadow: var(--ds-shadow-overlay, 0 8px 12px #1e1f2126);
}
.flag p { margin: 4px 0 0; }
.index-page .content { max-width: 720px; margin: 40px auto; }
[hidden] { display: none !important; }
/* On a phone the products hide their sidebar and search, and the app gets the whole width. */
@media (max-width: 640px) {
  .sidebar, .topnav, .topbar-search, .create-button { display: none; }
  .content { padding: 8px; }
  .preview-bar { gap: 8px; padding: 8px; }
  .preview-bar select { max-width: 100%; }
  .preview-file { overflow-wrap: anywhere; }
  .flags { left: 8px; right: 8px; }
  .flag { min-width: 0; }
}
`;
