import base from './vitest.config.ts';
import { defineConfig } from 'vitest/config';
const projects = (base.test!.projects as any[]);
const unit = projects[0].test; const integ = projects[1].test;
export default defineConfig({
  ...base,
  test: { ...base.test, projects: [
    { extends: true, test: { name: 'node', include: [...integ.include, ...unit.include], exclude: [...unit.exclude.filter((p: string) => !integ.include.includes(p)), ...integ.exclude], globalSetup: integ.globalSetup, isolate: false } },
    projects[2], projects[3],
  ] },
});
