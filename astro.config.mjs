// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import opsbook from './src/integration.ts';

export default defineConfig({
  // Plain folders (/roles/x/) make links work from any static host and from dist/ opened as files.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [opsbook(), mdx()],
  devToolbar: { enabled: false },
});
