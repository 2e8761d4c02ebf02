import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useRoutes } from 'react-router';
import { Shell } from './Shell';
import { ProjectsPage } from './pages/ProjectsPage';
import { SignInPage } from './pages/SignInPage';
import { useSession } from './session/session';

// The project pages load when first opened: the sign-in and the list stay small.
const ProjectRoutes = lazy(() => import('./project/ProjectRoutes'));
const AccountPage = lazy(() => import('./account/AccountPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
// Reached from mailed links or the sign-in page.
const AcceptInvitePage = lazy(() => import('./pages/AcceptInvitePage'));
const SignUpPage = lazy(() => import('./pages/SignUpPage'));
const VerifyEmailPage = lazy(() => import('./pages/VerifyEmailPage'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage'));
const SetPasswordPage = lazy(() => import('./pages/SetPasswordPage'));
const ConfirmEmailPage = lazy(() => import('./pages/ConfirmEmailPage'));

function Loading() {
  return (
    <Center p="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

export function App() {
  const { state } = useSession();
  const location = useLocation();
  // Pages reached from the sign-in page or a mailed link: the same signed in or not.
  const publicPage = useRoutes([
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/set-password/:token', element: <SetPasswordPage /> },
    { path: '/confirm-email/:token', element: <ConfirmEmailPage /> },
    { path: '/sign-up/verify/:token', element: <VerifyEmailPage /> },
  ]);
  if (state.status === 'checking') {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (publicPage) return <Suspense fallback={<Loading />}>{publicPage}</Suspense>;
  if (state.status === 'signed-out') {
    // Back to this page after signing in.
    const next = `${location.pathname}${location.search}`;
    return (
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/accept-invite/:token" element={<AcceptInvitePage />} />
          <Route
            path="*"
            element={<Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />}
          />
        </Routes>
      </Suspense>
    );
  }
  return (
    <Routes>
      <Route
        path="/accept-invite/:token"
        element={
          <Suspense fallback={<Loading />}>
            <AcceptInvitePage />
          </Suspense>
        }
      />
      <Route element={<Shell />}>
        <Route path="/projects" element={<ProjectsPage />} />
        <Route
          path="/projects/:id/*"
          element={
            <Suspense fallback={<Loading />}>
              <ProjectRoutes />
            </Suspense>
          }
        />
        <Route
          path="/account"
          element={
            <Suspense fallback={<Loading />}>
              <AccountPage />
            </Suspense>
          }
        />
        <Route
          path="/users"
          element={
            <Suspense fallback={<Loading />}>
              <UsersPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/projects" replace />} />
      </Route>
    </Routes>
  );
}
