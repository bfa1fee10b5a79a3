/** Site-wide settings: where it is published and where its repository lives (for "Edit this page"). */
export const site = {
  name: 'Backchannel',
  tagline: 'Witkoff, Rubio and the fight over Ukraine diplomacy, 2025 — every claim checked against its source sentence',
  url: process.env.BACKCHANNEL_SITE ?? 'https://backchannel.example.org',
  repository: process.env.BACKCHANNEL_REPO ?? 'https://github.com/backchannel-dossier/backchannel',
  branch: 'main',
  licence: 'Text: CC BY-SA 4.0. Quoted source passages remain the property of their publishers and are quoted for verification.',
};

/** "Edit this page" link for a project-relative file. */
export function editUrl(file: string): string {
  return `${site.repository}/edit/${site.branch}/${file}`;
}

/** "Report an error" link, prefilled with the page. */
export function reportUrl(title: string, pageUrl: string): string {
  const body = `Page: ${pageUrl}\n\nWhat is wrong (quote the sentence), and the source that shows it:\n`;
  return `${site.repository}/issues/new?title=${encodeURIComponent(`Error on “${title}”`)}&body=${encodeURIComponent(body)}`;
}
