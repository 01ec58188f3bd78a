import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import './i18n.ts';
import { ApiError } from './api.ts';
import { Layout } from './Layout.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CheckpointDetailPage, CheckpointsPage } from './pages/CheckpointsPage.tsx';
import { LegalPage } from './pages/LegalPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { Loading } from './ui.tsx';
import './styles.css';

// Poor links: retry reads a few times with back-off, never retry a refusal (4xx).
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 3,
      retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
    },
  },
});

function App() {
  const { session, loading } = useSession();
  if (loading) return <Loading />;
  if (!session) return <LoginPage />;
  return (
    <Layout>
      <Switch>
        <Route path="/" component={OverviewPage} />
        <Route path="/checkpoints" component={CheckpointsPage} />
        <Route path="/checkpoints/:id" component={CheckpointDetailPage} />
        <Route path="/map" component={MapPage} />
        <Route path="/organisations" component={OrganisationsPage} />
        <Route path="/legal" component={LegalPage} />
        <Route path="/audit" component={AuditPage} />
        <Route path="/users" component={UsersPage} />
        <Route path="/profile" component={ProfilePage} />
        <Route><OverviewPage /></Route>
      </Switch>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
