import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // The dev server forwards API calls, so the browser sees one origin as in production.
    // /dev/mail: the API's built-in mail catcher, where mail links can be tried locally.
    proxy: { '/trpc': api, '/api': api, '/webhooks': api, '/health': api, '/dev/mail': api },
  },
  build: { target: 'es2022', sourcemap: true, manifest: true },
});
