import { createHashRouter, Navigate, type DataRouter } from 'react-router';
import { ActivitiesPage } from '../pages/activities/ActivitiesPage';
import { ActivityPage } from '../pages/activities/ActivityPage';
import { AgendaPage } from '../pages/agenda/AgendaPage';
import { BuildingPage } from '../pages/buildings/BuildingPage';
import { BuildingsPage } from '../pages/buildings/BuildingsPage';
import { UnitPage } from '../pages/buildings/UnitPage';
import { GroupPage } from '../pages/groups/GroupPage';
import { GroupsPage } from '../pages/groups/GroupsPage';
import { HomePage } from '../pages/home/HomePage';
import { HouseholdPage } from '../pages/households/HouseholdPage';
import { HouseholdsPage } from '../pages/households/HouseholdsPage';
import { NewHouseholdPage } from '../pages/households/NewHouseholdPage';
import { InterventionsPage } from '../pages/interventions/InterventionsPage';
import { ListsPage } from '../pages/lists/ListsPage';
import { ExportsPage } from '../pages/exports/ExportsPage';
import { ArrearsPage } from '../pages/arrears/ArrearsPage';
import { ImportPage } from '../pages/arrears/ImportPage';
import { RiskSettingsPage } from '../pages/arrears/RiskSettingsPage';
import { WorklistPage } from '../pages/worklist/WorklistPage';
import { OperatorsPage } from '../pages/operators/OperatorsPage';
import { ProfilePage } from '../pages/profile/ProfilePage';
import { MeetingPage } from '../pages/meetings/MeetingPage';
import { MeetingsPage } from '../pages/meetings/MeetingsPage';
import { MinutesPage } from '../pages/meetings/MinutesPage';
import { LettersPage } from '../pages/letters/LettersPage';
import { TemplatePage } from '../pages/letters/TemplatePage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { AuditLogPage } from '../pages/privacy/AuditLogPage';
import { PrivacyPage } from '../pages/privacy/PrivacyPage';
import { FrameLayout } from './FrameLayout';
import { RequireRole } from './RequireRole';

let router: DataRouter | null = null;

/**
 * One hash router for the life of the page (hash routes work under both
 * app://cortile/ and the loopback web shell). Created on first use, after the
 * token has left the address bar.
 */
export function getRouter(): DataRouter {
  router ??= createHashRouter([
    {
      path: '/',
      element: <FrameLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'agenda', element: <AgendaPage /> },
        { path: 'nuclei', element: <HouseholdsPage /> },
        { path: 'nuclei/nuovo', element: <NewHouseholdPage /> },
        { path: 'nuclei/:id', element: <HouseholdPage /> },
        { path: 'caseggiati', element: <BuildingsPage /> },
        { path: 'caseggiati/:id', element: <BuildingPage /> },
        { path: 'alloggi/:id', element: <UnitPage /> },
        { path: 'interventi', element: <InterventionsPage /> },
        { path: 'attivita', element: <ActivitiesPage /> },
        { path: 'attivita/:id', element: <ActivityPage /> },
        { path: 'gruppi', element: <GroupsPage /> },
        { path: 'gruppi/:id', element: <GroupPage /> },
        { path: 'da-contattare', element: <WorklistPage /> },
        { path: 'equipe', element: <MeetingsPage /> },
        { path: 'equipe/:id', element: <MeetingPage /> },
        { path: 'equipe/:id/verbale', element: <MinutesPage /> },
        { path: 'lettere', element: <LettersPage /> },
        { path: 'lettere/modelli/:id', element: <TemplatePage /> },
        {
          path: 'morosita',
          element: (
            <RequireRole role="coordinatore">
              <ArrearsPage />
            </RequireRole>
          ),
        },
        {
          path: 'morosita/importa',
          element: (
            <RequireRole role="coordinatore">
              <ImportPage />
            </RequireRole>
          ),
        },
        {
          path: 'morosita/punteggio',
          element: (
            <RequireRole role="coordinatore">
              <RiskSettingsPage />
            </RequireRole>
          ),
        },
        {
          path: 'esportazioni',
          element: (
            <RequireRole role="coordinatore">
              <ExportsPage />
            </RequireRole>
          ),
        },
        {
          path: 'elenchi',
          element: (
            <RequireRole role="coordinatore">
              <ListsPage />
            </RequireRole>
          ),
        },
        {
          path: 'registro-accessi',
          element: (
            <RequireRole role="coordinatore">
              <AuditLogPage />
            </RequireRole>
          ),
        },
        {
          path: 'privacy',
          element: (
            <RequireRole role="coordinatore">
              <PrivacyPage />
            </RequireRole>
          ),
        },
        {
          path: 'operatori',
          element: (
            <RequireRole role="amministratore">
              <OperatorsPage />
            </RequireRole>
          ),
        },
        {
          path: 'impostazioni',
          element: (
            <RequireRole role="amministratore">
              <SettingsPage />
            </RequireRole>
          ),
        },
        { path: 'profilo', element: <ProfilePage /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
  return router;
}
