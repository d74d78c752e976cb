/**
 * The project's Astro config with the content check reporting but not stopping the build: for tests of
 * what the build itself lets through when a body gets past the checker (body guard, CSP).
 * Usage: astro build --config test/build/unchecked.config.mjs
 */
import config from '../../astro.config.mjs';
import opsbook from '../../src/integrations/opsbook.ts';

export default {
  ...config,
  integrations: config.integrations.map((integration) => (integration.name === 'opsbook' ? opsbook({ stopOnErrors: false }) : integration)),
};
