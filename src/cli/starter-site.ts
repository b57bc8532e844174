/**
 * The site `migrant-site init` writes: the smallest folder that builds with
 * the built-in theme and shows each kind of page (an article, its author, a
 * static page). Keys are paths relative to the new site's folder.
 */
export function starterSite(today: string): Record<string, string> {
  return {
    'site.config.json': `${JSON.stringify(
      {
        title: 'My Newsroom',
        description: 'Reporting on migration, one story at a time.',
        baseUrl: 'https://example.org/',
        language: 'en',
        timeZone: 'UTC',
        menus: { header: [{ label: 'About', url: '/about/' }] },
      },
      null,
      2,
    )}\n`,
    'content/posts/our-first-story.md': `---
title: "Our first story"
date: ${today}
author: editor
categories: [Newsroom]
tags: [announcements]
summary: "What this site is for, and how the next article gets written."
---

This site was made with \`migrant-site init\`. Everything a reader sees comes
from three places: this folder's \`content/\`, its \`site.config.json\`, and the
theme built into migrant-site.

## Writing the next article

Run \`npx migrant-site new post "Your headline"\`. It writes a file in
\`content/posts/\` with today's date and \`draft: true\`; remove that line when
the story is ready to publish.

## Before going live

Set \`title\`, \`baseUrl\`, \`language\` and \`timeZone\` in \`site.config.json\`,
and replace this article, the author in \`content/authors/\` and the About page
with your own.
`,
    'content/authors/editor.md': `---
name: The Editor
role: Editor
---
A line or two about the person behind the byline: what they cover and where
they report from.
`,
    'content/pages/about.md': `---
title: About
description: Who we are and what we cover.
---
Say here who runs this newsroom, what it covers, and how readers can reach
you with a tip or a correction.
`,
  };
}
