import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { LanguageProvider } from './i18n/i18n.tsx';
import { queryClient, trpc, trpcClient } from './trpc.ts';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <trpc.Provider client={trpcClient} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>
          <LanguageProvider>
            <App />
          </LanguageProvider>
        </QueryClientProvider>
      </trpc.Provider>
    </StrictMode>,
  );
}
