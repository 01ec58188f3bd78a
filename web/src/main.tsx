import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type JSX } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import './i18n.ts';
import { ApiError } from './api.ts';
import { Layout } from './Layout.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { BoothPage } from './pages/BoothPage.tsx';
import { CrossingDetailPage, CrossingsPage } from './pages/CrossingsPage.tsx';
import { VehiclesPage } from './pages/VehiclesPage.tsx';
import { CheckpointDetailPage, CheckpointsPage } from './pages/CheckpointsPage.tsx';
import { LegalPage } from './pages/LegalPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { ScreeningPage } from './pages/ScreeningPage.tsx';
import { StaysPage } from './pages/StaysPage.tsx';
import { DeskPage } from './pages/DeskPage.tsx';
import { SezPage } from './pages/SezPage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { CompliancePage } from './pages/CompliancePage.tsx';
import { UdbPage } from './pages/UdbPage.tsx';
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

/** A page that needs a permission the user lacks is not shown: the overview is, instead. */
function guarded(permission: string | string[], Page: () => JSX.Element) {
  return function Guarded() {
    const { can } = useSession();
    return [permission].flat().some(can) ? <Page /> : <OverviewPage />;
  };
}
const Pages = {
  checkpoints: guarded('geo.read', CheckpointsPage),
  checkpoint: guarded('geo.read', CheckpointDetailPage),
  map: guarded('geo.read', MapPage),
  organisations: guarded('org.read', OrganisationsPage),
  legal: guarded('legal.read', LegalPage),
  audit: guarded('audit.read', AuditPage),
  users: guarded('user.manage', UsersPage),
  screening: guarded('watchlist.read', ScreeningPage),
  booth: guarded('crossing.record', BoothPage),
  crossings: guarded('crossing.read', CrossingsPage),
  crossing: guarded('crossing.read', CrossingDetailPage),
  vehicles: guarded(['crossing.read', 'vehicle.mark'], VehiclesPage),
  stays: guarded('stay.read', StaysPage),
  desk: guarded('exchange.read', DeskPage),
  compliance: guarded('exchange.compliance', CompliancePage),
  udb: guarded('udb.read', UdbPage),
  sez: guarded('sez.read', SezPage),
  cases: guarded('case.read', CasesPage),
};

function App() {
  const { session, loading } = useSession();
  if (loading) return <Loading />;
  if (!session) return <LoginPage />;
  return (
    <Layout>
      <Switch>
        <Route path="/" component={OverviewPage} />
        <Route path="/checkpoints" component={Pages.checkpoints} />
        <Route path="/checkpoints/:id" component={Pages.checkpoint} />
        <Route path="/map" component={Pages.map} />
        <Route path="/organisations" component={Pages.organisations} />
        <Route path="/legal" component={Pages.legal} />
        <Route path="/audit" component={Pages.audit} />
        <Route path="/users" component={Pages.users} />
        <Route path="/screening" component={Pages.screening} />
        <Route path="/booth" component={Pages.booth} />
        <Route path="/crossings" component={Pages.crossings} />
        <Route path="/crossings/:id" component={Pages.crossing} />
        <Route path="/vehicles" component={Pages.vehicles} />
        <Route path="/stays" component={Pages.stays} />
        <Route path="/desk" component={Pages.desk} />
        <Route path="/sez" component={Pages.sez} />
        <Route path="/cases" component={Pages.cases} />
        <Route path="/compliance" component={Pages.compliance} />
        <Route path="/udb" component={Pages.udb} />
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
