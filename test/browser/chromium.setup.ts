import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumOptions, hasChromium } from '../support/browser.js';

// One Chromium for the whole browser project; files connect to it (launchChromium).

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where launchChromium() connects. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium) return undefined;
  const server = await chromium.launchServer(chromiumOptions);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
