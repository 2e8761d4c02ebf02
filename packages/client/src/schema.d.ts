// Generated from openapi.json by `npm run openapi`: do not edit.
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys access tokens are signed with (JWK Set, RFC 7517), to verify them offline */
        get: operations["authJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Authorization server metadata (RFC 8414) */
        get: operations["authMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin UI sign-in with email and password: the access token in the body, the refresh token in an HttpOnly cookie */
        post: operations["adminSessionSignIn"];
        /** Admin UI sign-out: ends the session the cookie names (its access tokens stop at once) and clears the cookie */
        delete: operations["adminSessionSignOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin UI password change: every session of the user ends (apps they allowed too); a new one begins in the cookie — renew to get its access token */
        post: operations["adminSessionChangePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin UI renewal: trades the refresh cookie for a new access token and a new cookie (a cookie used twice ends the session) */
        post: operations["adminSessionRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/authenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (contentjet password grant) */
        post: operations["authAuthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: operations["healthCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session: this access token and its refresh tokens stop working, and so do your sign-ins on the authorization page */
        post: operations["authLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (METRICS=on; with METRICS_TOKEN set, bearer only) */
        get: operations["metricsRead"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Authorization endpoint (authorization code + PKCE S256): a sign-in and consent page for the user */
        get: operations["authorizeShow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an access or refresh token (RFC 7009) */
        post: operations["authRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OAuth 2.0 token endpoint: password, refresh_token, client_credentials and authorization_code (PKCE) grants */
        post: operations["oAuthTokenToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects you own or are an active member of (all, for a global admin) */
        get: operations["projectsList"];
        put?: never;
        /** Create a project; you become its owner and an admin member */
        post: operations["projectsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project with its members */
        get: operations["projectsGet"];
        /** Change a project's name, metadata and publicMedia */
        put: operations["projectsUpdate"];
        post?: never;
        /** Delete a project with its members, clients, content and media */
        delete: operations["projectsRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's API clients (never their secrets) */
        get: operations["clientsList"];
        put?: never;
        /** Create an API client; the response holds its secret, shown this once (read-only fields of a client as read are ignored) */
        post: operations["clientsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/client/authenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade an API client's id and secret for a read token on its project */
        post: operations["clientAuthenticateAuthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/client/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An API client */
        get: operations["clientsGet"];
        /** Change an API client; taking a scope, an entry type or time before expiry away also ends its live tokens */
        put: operations["clientsUpdate"];
        post?: never;
        /** Delete an API client; its tokens stop working at once */
        delete: operations["clientsRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/client/{clientId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the secret (shown once); the old one and its tokens stop at once, or with graceSeconds the old one works until then */
        post: operations["clientsRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/entry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries, newest change first; published ones only unless a member asks for nonPublished */
        get: operations["entriesList"];
        put?: never;
        /** Create an entry; its fields are checked against its entry type (read-only fields of an entry as read are ignored: post a copy as it came) */
        post: operations["entriesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/entry-tag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's tags; with ?counts=true, how many entries carry each */
        get: operations["entriesTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/entry-type": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's entry types with their field definitions */
        get: operations["entryTypesList"];
        put?: never;
        /** Define an entry type and its fields */
        post: operations["entryTypesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/entry-type/{entryTypeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entry type */
        get: operations["entryTypesGet"];
        /** Change an entry type; entries keep their values and meet new rules at their next write */
        put: operations["entryTypesUpdate"];
        post?: never;
        /** Delete an entry type that has no entries */
        delete: operations["entryTypesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/entry/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete several entries: all of them, or none if any id is unknown */
        post: operations["entriesBulkRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/entry/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entry (API clients: published entries only) */
        get: operations["entriesGet"];
        /** Replace an entry (the read-only fields it was read with are ignored) */
        put: operations["entriesUpdate"];
        post?: never;
        /** Delete an entry */
        delete: operations["entriesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's pending invites (a plain array, as contentjet) */
        get: operations["invitesList"];
        put?: never;
        /** Invite someone by e-mail, registered or not (the same answer either way); a pending invite for the address is renewed and mailed again with a new link */
        post: operations["invitesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/invite/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Accept an invitation: the signed-in user holding the mailed token joins the project with the invite's role; the token then stops working */
        put: operations["invitesAccept"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/invite/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel several invites (their links stop working): all of them, or none if any id is unknown */
        post: operations["invitesBulkRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/invite/{inviteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invite */
        get: operations["invitesGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/invite/{inviteId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a pending invite again with a new link, valid 7 days; the previous link stops working */
        post: operations["invitesResend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Media, newest first; filter by words of the name and by tags */
        get: operations["mediaList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/media-tag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's media tags */
        get: operations["mediaTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/media/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete several media and their files: all of them, or none if any id is unknown */
        post: operations["mediaBulkRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/media/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload files (multipart/form-data: one or more `file` parts, and a `name` per file if wanted); their type is sniffed from their bytes and must be one of MEDIA_ALLOWED_TYPES */
        post: operations["mediaUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/media/{mediaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media */
        get: operations["mediaGet"];
        /** Change a media's description and tags (the read-only fields it was read with are ignored) */
        put: operations["mediaUpdate"];
        post?: never;
        /** Delete a media and its files */
        delete: operations["mediaRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/media/{mediaId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media's file, always revalidated (Cache-Control: no-cache); anyone may fetch it when the project has publicMedia */
        get: operations["mediaFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/media/{mediaId}/file/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A media's file under the URL of its current content (`url` in the media), cacheable for a year (immutable); anyone may fetch it when the project has publicMedia */
        get: operations["mediaVersionedFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's members */
        get: operations["membersList"];
        put?: never;
        /** Add a user to the project by e-mail; an address with no active account is mailed an invitation instead (202 with the invite) */
        post: operations["membersAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/member/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (never the owner or the last admin) */
        delete: operations["membersRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every entry the caller may see, page by page; then, with the sync token, only what changed (deletions as tombstones) */
        get: operations["syncPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/update-member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a member's role or activity (contentjet's update-member) */
        post: operations["membersUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/web-hook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's web hooks, newest first (never their secrets) */
        get: operations["webHooksList"];
        put?: never;
        /** Create a web hook; the response holds its signing secret, shown this once (read-only fields of a hook as read are ignored) */
        post: operations["webHooksCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/web-hook/{hookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A web hook */
        get: operations["webHooksGet"];
        /** Change a web hook: name and url replaced, isActive and each event kept where left out (read-only fields are ignored) */
        put: operations["webHooksUpdate"];
        post?: never;
        /** Delete a web hook and its delivery log; nothing more is sent to it */
        delete: operations["webHooksRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/web-hook/{hookId}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hook's delivery log, newest first, with every attempt */
        get: operations["webHooksDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/web-hook/{hookId}/delivery/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A delivery, its attempts and the payload sent */
        get: operations["webHooksDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/web-hook/{hookId}/delivery/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again, now (the same body and webhook-id; a new attempt in its log) */
        post: operations["webHooksRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/web-hook/{hookId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enable a hook disabled after 20 failed deliveries in a row: disabledAt cleared, failureCount back to 0 */
        post: operations["webHooksEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{projectId}/web-hook/{hookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown once); the old one signs nothing from now on */
        post: operations["webHooksRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token-refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token (or, as contentjet-ui does, a valid access token) for a new pair */
        post: operations["contentjetTokenTokenRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user by name, or those whose name or email contains `search` */
        get: operations["userAdminList"];
        put?: never;
        /** Create a user, as `npm run cli -- create-user` does (active, with this password) */
        post: operations["userAdminCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/authenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (contentjet password grant) */
        post: operations["authAuthenticateViaUserAuthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** contentjet's path and body for changing your password (`{password, newPassword}`, `password` being the current one); otherwise as `POST /user/me/change-password` */
        post: operations["authContentjetChangePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/confirm-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow the link mailed to a new address: the account takes it (the other change links die, and reset links sent to the old address). The answer is the user. Needs no session: the link's token is the proof */
        post: operations["emailChangeConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["usersMe"];
        /** Change your name at once; another email needs currentPassword and changes only once the link mailed to it is followed (your current address is told) */
        put: operations["emailChangeUpdate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/me/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password: every session of yours ends (this one too, and apps you allowed); the answer is a new token pair */
        post: operations["authChangePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/me/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps you let act for you (authorization code grant) */
        get: operations["usersGrants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/me/grants/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an app's access: its tokens stop working at once */
        delete: operations["usersRevokeGrant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your signed-in sessions (not the apps you allowed: see grants): this one first, then the most recently used */
        get: operations["usersSessionList"];
        put?: never;
        post?: never;
        /** Sign out everywhere (`?except=current`: everywhere else): your sessions and authorization-page sign-ins end at once; apps you allowed keep their grants */
        delete: operations["usersEndSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/me/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out one of your sessions: its access and refresh tokens stop at once, on every instance (this one too, if named) */
        delete: operations["usersEndSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/request-password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forgot your password: an active account with this address is mailed a link to /set-password/<token> (one hour, once; asking again replaces it). The answer is the same for every address */
        post: operations["passwordResetRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/set-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new password with a mailed link's token: every session of the user ends at once, on every instance, and the other reset links die. The answer is the user (sign in again) */
        post: operations["passwordResetSetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/sign-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account, off until the mailed link verifies its address (SIGNUP=open, or with an invitation under SIGNUP=invite); a taken address gets a mail instead, and the same answer */
        post: operations["signUpSignUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/token-refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token (or, as contentjet-ui does, a valid access token) for a new pair */
        post: operations["contentjetTokenTokenRefreshViaUserTokenRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a new account's address with the mailed token: the account is turned on (and joins the project it was invited to); the link works once */
        post: operations["signUpVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user */
        get: operations["userAdminGet"];
        /** Change a user's name, email, admin right or activity; deactivating ends their sessions at once. Never your own admin right or activity */
        put: operations["userAdminUpdate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; returns an access token only */
        post: operations["v1Login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny-list the presented token (on every instance); a user's session ends with it */
        post: operations["v1Logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny-list the presented bearer token and return a fresh one */
        post: operations["v1Token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInviteDto: {
            /** @description The token of the mailed link (`~` or `.` between its parts). */
            token: string;
        };
        AddMemberDto: {
            /** @enum {string} */
            membershipType: "admin" | "author";
            /**
             * Format: email
             * @description A user's email; an address with no active account is invited instead (202).
             */
            email: string;
            /** @description How an invitation greets them, when one is sent; the address's local part when left out. */
            name?: string;
        };
        AdminSignInDto: {
            /** Format: email */
            email: string;
            password: string;
        };
        /** @description Every error answer: the HTTP status again, a name for it and a message. */
        ApiError: {
            /**
             * @description The HTTP status
             * @example 404
             */
            status: number;
            /** @example NotFoundError */
            name: string;
            /** @example Entry not found */
            message: string;
        };
        AuthorizationCodeGrantRequestDto: {
            /** @enum {string} */
            grant_type: "authorization_code";
            /** @description The code from the redirect. */
            code: string;
            /** @description Exactly the redirect_uri of the authorization request. */
            redirect_uri: string;
            /** @description The PKCE verifier whose S256 hash was the code_challenge. */
            code_verifier: string;
            /** @description Or send client_id:client_secret as HTTP Basic instead. */
            client_id?: string;
            /** Format: password */
            client_secret?: string;
        };
        AuthorizationServerMetadataDto: {
            issuer: string;
            authorization_endpoint: string;
            token_endpoint: string;
            revocation_endpoint: string;
            /** @description The public keys access tokens are signed with, for verifying them offline. */
            jwks_uri: string;
            grant_types_supported: string[];
            token_endpoint_auth_methods_supported: string[];
            revocation_endpoint_auth_methods_supported: string[];
            response_types_supported: string[];
            scopes_supported: string[];
            code_challenge_methods_supported: string[];
            authorization_response_iss_parameter_supported: boolean;
        };
        BooleanFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "BOOLEAN";
            /** @default Yes */
            labelTrue?: string;
            /** @default No */
            labelFalse?: string;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description At least 8 characters. */
            newPassword: string;
        };
        ChoiceFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "CHOICE";
            choices: string[];
            /**
             * @description `multiple`: the value is a list of distinct choices.
             * @default single
             * @enum {string}
             */
            format?: "single" | "multiple";
        };
        ClientCredentialsGrantRequestDto: {
            /** @enum {string} */
            grant_type: "client_credentials";
            /** @description Or send client_id:client_secret as HTTP Basic instead. */
            client_id?: string;
            /** Format: password */
            client_secret?: string;
            /** @enum {string} */
            scope?: "read";
        };
        ClientDto: {
            scopes: string[];
            entryTypeIds: number[] | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Seconds its tokens live; null for the default (CLIENT_TOKEN_EXPIRY, or 900 s with `envelope`). */
            tokenLifetime: number | null;
            /** @enum {string} */
            tokenResponse: "oauth2" | "envelope";
            /**
             * Format: date-time
             * @description Until when the secret replaced by the last rotation still authenticates; null when it no longer does.
             */
            previousSecretExpiresAt: string | null;
            id: number;
            projectId: number;
            name: string;
            /** @description Public identifier: send it with the secret to authenticate. */
            clientId: string;
            redirectUris: string[];
            /**
             * Format: date-time
             * @description Last time the client authenticated (updated at most once a minute).
             */
            lastUsedAt: string | null;
            /** @description How many users currently let this client act for them (authorization code grant). */
            grantCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
        };
        ClientTokenResponseDto: {
            /** @description A JWT (`typ: at+jwt`); send it as `Authorization: Bearer …`. */
            access_token: string;
            /** @enum {string} */
            token_type: "bearer";
            /** @description Seconds until the access token expires. */
            expires_in: number;
            /**
             * @description The scopes granted, space-separated: an API client's (`read`, `preview`, labels), or a third-party app's (`read`, `write`).
             * @example read
             */
            scope?: string;
        };
        ClientWithSecretDto: {
            scopes: string[];
            entryTypeIds: number[] | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Seconds its tokens live; null for the default (CLIENT_TOKEN_EXPIRY, or 900 s with `envelope`). */
            tokenLifetime: number | null;
            /** @enum {string} */
            tokenResponse: "oauth2" | "envelope";
            /**
             * Format: date-time
             * @description Until when the secret replaced by the last rotation still authenticates; null when it no longer does.
             */
            previousSecretExpiresAt: string | null;
            id: number;
            projectId: number;
            name: string;
            /** @description Public identifier: send it with the secret to authenticate. */
            clientId: string;
            redirectUris: string[];
            /**
             * Format: date-time
             * @description Last time the client authenticated (updated at most once a minute).
             */
            lastUsedAt: string | null;
            /** @description How many users currently let this client act for them (authorization code grant). */
            grantCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
            /** @description 256 bits, base64url. Store it now: Tessera keeps only its digest. */
            clientSecret: string;
        };
        ColorFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "COLOR";
            /**
             * @description `rgb`: `#rrggbb`; `rgba`: `#rrggbbaa`.
             * @default rgb
             * @enum {string}
             */
            format?: "rgb" | "rgba";
        };
        ConfirmEmailDto: {
            /** @description The token of the `/confirm-email/<token>` link mailed to the new address. */
            token: string;
        };
        ContentjetChangePasswordDto: {
            /** @description Your current password. */
            password: string;
            /** @description At least 8 characters. */
            newPassword: string;
        };
        CreateInviteDto: {
            /**
             * @description The role they get on accepting; `author` when left out.
             * @enum {string}
             */
            membershipType?: "admin" | "author";
            /** @description How the invitation greets them. */
            name: string;
            /**
             * Format: email
             * @description Where the invitation is mailed; registered or not, the answer is the same.
             */
            email: string;
        };
        CreateProjectDto: {
            name: string;
            /** @description Free text for the project's own use. */
            metadata?: string;
            /**
             * @description Anyone may fetch the project's media files without a token (the media
             *     list and details stay private). Left out: false on create, unchanged on
             *     update.
             */
            publicMedia?: boolean;
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            userId?: Record<string, never>;
            /** @description Read-only; ignored. */
            members?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
        };
        CreateUserDto: {
            /**
             * Format: email
             * @description Unique, case-insensitively.
             */
            email: string;
            /** @description At least 8 characters. */
            password: string;
            name: string;
            /** @description Global administrator: may do everything in every project. */
            isAdmin?: boolean;
        };
        DateFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "DATE";
            /**
             * @description `date`: `YYYY-MM-DD`; `datetime`: ISO 8601 with a timezone.
             * @default datetime
             * @enum {string}
             */
            format?: "datetime" | "date";
        };
        DeliveryAttemptDto: {
            /** @description The receiver's HTTP status; null when no answer came (refused, timed out, unreachable). */
            statusCode: number | null;
            /** @description The start of the receiver's answer, at most 1 KB. */
            responseExcerpt: string | null;
            /** @description Why the attempt failed when it was not the receiver's status: a timeout, a refused address… */
            error: string | null;
            /** @description 1 for the first. */
            attempt: number;
            /** Format: date-time */
            startedAt: string;
            durationMs: number;
        };
        DeliveryDetailDto: {
            /**
             * @description `pending`: an attempt is due (at `nextAttemptAt`); `succeeded`: answered
             *     2xx; `failed`: every retry failed; `cancelled`: not sent, as the hook was
             *     disabled, deactivated or deleted first.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed" | "cancelled";
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /** @description Oldest first. */
            attempts: components["schemas"]["DeliveryAttemptDto"][];
            /** @description The body sent, parsed: `{type, projectId, occurredAt, data}`. */
            payload: {
                [key: string]: unknown;
            };
            id: number;
            /** @description The `webhook-id` header: the same on every attempt, for the receiver to drop repeats. */
            messageId: string;
            /** @description The event type (`entryCreated`, …). */
            event: string;
            attemptCount: number;
            /** Format: date-time */
            createdAt: string;
        };
        DeliveryDto: {
            /**
             * @description `pending`: an attempt is due (at `nextAttemptAt`); `succeeded`: answered
             *     2xx; `failed`: every retry failed; `cancelled`: not sent, as the hook was
             *     disabled, deactivated or deleted first.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed" | "cancelled";
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** Format: date-time */
            completedAt: string | null;
            /** @description Oldest first. */
            attempts: components["schemas"]["DeliveryAttemptDto"][];
            id: number;
            /** @description The `webhook-id` header: the same on every attempt, for the receiver to drop repeats. */
            messageId: string;
            /** @description The event type (`entryCreated`, …). */
            event: string;
            attemptCount: number;
            /** Format: date-time */
            createdAt: string;
        };
        DeliveryPage: {
            page: number;
            totalPages: number;
            totalRecords: number;
            results: components["schemas"]["DeliveryDto"][];
        };
        EndedSessionsDto: {
            /** @description How many sessions ended. */
            ended: number;
        };
        EntryDto: {
            /** @description Values keyed by field name, as the entry type defines them now. */
            fields: {
                [key: string]: unknown;
            };
            id: number;
            entryTypeId: number;
            entryType: components["schemas"]["NamedRefDto"];
            name: string;
            /**
             * Format: date-time
             * @description Visible to API clients from this instant; null is a draft.
             */
            published: string | null;
            tags: string[];
            /** @description Who created it. */
            userId: number | null;
            user: components["schemas"]["NamedRefDto"] | null;
            modifiedByUserId: number | null;
            modifiedByUser: components["schemas"]["NamedRefDto"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
        };
        EntryPage: {
            /**
             * @description Pass as `cursor` for the next page; null on the last page. Absent only
             *     when `page` is past the end.
             */
            nextCursor?: string | null;
            /** @description 1-based; with `cursor`, the page the cursor's position falls in. */
            page: number;
            totalPages: number;
            totalRecords: number;
            /** @description Present and true when `totalRecords` is an estimate (more than 10,000 matches). */
            totalRecordsEstimated?: boolean;
            results: components["schemas"]["EntryDto"][];
        };
        EntryTypeDto: {
            fields: (components["schemas"]["TextFieldDto"] | components["schemas"]["LongTextFieldDto"] | components["schemas"]["BooleanFieldDto"] | components["schemas"]["NumberFieldDto"] | components["schemas"]["DateFieldDto"] | components["schemas"]["ChoiceFieldDto"] | components["schemas"]["ColorFieldDto"] | components["schemas"]["LinkFieldDto"] | components["schemas"]["ListFieldDto"] | components["schemas"]["MediaFieldDto"])[];
            id: number;
            projectId: number;
            /** @description Who created it. */
            userId: number | null;
            name: string;
            description: string;
            metadata: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
        };
        EntryTypePage: {
            page: number;
            totalPages: number;
            totalRecords: number;
            results: components["schemas"]["EntryTypeDto"][];
        };
        /**
         * @description Messages by field name. A nested value (an object, a list item by its index) has an object of its own instead, as has `fields` when an entry's values or an entry type's field definitions broke their rules (`errors.fields.<name>`).
         * @example {
         *       "email": [
         *         "email must be a valid email address"
         *       ],
         *       "fields": {
         *         "title": [
         *           "required"
         *         ]
         *       }
         *     }
         */
        FieldErrors: {
            [key: string]: string[] | components["schemas"]["FieldErrors"];
        };
        GrantDto: {
            /** @description The app's public client id. */
            clientId: string;
            clientName: string;
            projectId: number;
            projectName: string;
            /** @description Space-separated: `read`, `write`. */
            scope: string;
            /** Format: date-time */
            grantedAt: string;
        };
        HealthDto: {
            /**
             * @description Anything else answers 503.
             * @enum {string}
             */
            status: "ok";
            /**
             * @description The indicators that are up.
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info: {
                [key: string]: {
                    /** @example up */
                    status: string;
                };
            };
            /**
             * @description The indicators that are down (none, in a 200).
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            error: {
                [key: string]: {
                    /** @example up */
                    status: string;
                };
            };
            /**
             * @description Every indicator.
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: {
                    /** @example up */
                    status: string;
                };
            };
        };
        InviteDto: {
            /** @enum {string} */
            membershipType: "admin" | "author";
            id: number;
            projectId: number;
            name: string;
            email: string;
            accepted: boolean;
            /** @description Who sent it (contentjet's `userId`); null once that user is deleted. */
            userId: number | null;
            /**
             * Format: date-time
             * @description When its link stops working; a resend mails a new link and moves it.
             */
            expiresAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
        };
        JwkDto: {
            /** @enum {string} */
            kty: "EC";
            /** @enum {string} */
            crv: "P-256";
            /** @description The point's coordinates, base64url. */
            x: string;
            y: string;
            /** @description The `kid` in the header of the tokens this key signs (its RFC 7638 thumbprint). */
            kid: string;
            /** @enum {string} */
            alg: "ES256";
            /** @enum {string} */
            use: "sig";
        };
        JwkSetDto: {
            keys: components["schemas"]["JwkDto"][];
        };
        LinkFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "LINK";
            /**
             * @description Fewest linked entries; at most maxLength.
             * @default 0
             */
            minLength?: number;
            /**
             * @description Most linked entries.
             * @default 1000
             */
            maxLength?: number;
        };
        ListFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "LIST";
            /**
             * @description Fewest items; at most maxLength.
             * @default 0
             */
            minLength?: number;
            /**
             * @description Most items.
             * @default 1000
             */
            maxLength?: number;
        };
        LongTextFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "LONGTEXT";
            /**
             * @description Fewest characters (Unicode code points); at most maxLength.
             * @default 0
             */
            minLength?: number;
            /**
             * @description Most characters (Unicode code points).
             * @default 50000
             */
            maxLength?: number;
            /**
             * @default plaintext
             * @enum {string}
             */
            format?: "plaintext" | "markdown";
        };
        MediaDto: {
            /** @description The thumbnail's absolute URL (contentjet's name for `thumbnailUrl`); null when there is none. */
            thumbnail: string | null;
            /** @description A 200-pixel WebP thumbnail for raster images; null for other files (PDF, SVG, audio, …). */
            thumbnailUrl: string | null;
            id: number;
            projectId: number;
            /** @description Who uploaded it; null once that user is deleted. */
            userId: number | null;
            /** @description The display name (the uploaded file's name unless the upload named it). */
            name: string;
            /** @description The original's absolute URL (contentjet's name for `url`). */
            file: string;
            /** @description As sniffed from the file's bytes when uploaded. */
            mimeType: string;
            /** @description Bytes. */
            size: number;
            /** @description Pixels, for raster images; 0 otherwise. */
            width: number;
            /** @description Pixels, for raster images; 0 otherwise. */
            height: number;
            description: string;
            tags: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
            /**
             * @description The original, under a URL that changes with its content:
             *     `/project/{projectId}/media/{id}/file/{version}`, cacheable for a year.
             */
            url: string;
        };
        MediaFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "MEDIA";
            /**
             * @description Fewest media items; at most maxLength.
             * @default 0
             */
            minLength?: number;
            /**
             * @description Most media items.
             * @default 1000
             */
            maxLength?: number;
        };
        MediaPage: {
            page: number;
            totalPages: number;
            totalRecords: number;
            results: components["schemas"]["MediaDto"][];
        };
        MediaUploadDto: {
            /**
             * Format: binary
             * @description One or more files (repeat the field).
             */
            file: string;
            /** @description The display name; the file's own name when left out. With several files, one per file in order. */
            name?: string;
        };
        MemberDto: {
            /** @enum {string} */
            membershipType: "admin" | "author";
            /** @description The user's id. */
            id: number;
            name: string;
            email: string;
            membershipIsActive: boolean;
        };
        NamedRefDto: {
            id: number;
            name: string;
        };
        NumberFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "NUMBER";
            /** @description Unbounded when absent; at most maxValue. */
            minValue?: number;
            /** @description Unbounded when absent. */
            maxValue?: number;
            /**
             * @default number
             * @enum {string}
             */
            format?: "number" | "integer";
        };
        /** @description A token endpoint error: RFC 6749 §5.2 `error` and `error_description` beside the usual fields (a body that could not be read at all has only the usual ones). */
        OAuthError: {
            /** @example 400 */
            status: number;
            /** @example BadRequestError */
            name: string;
            /** @example Invalid credentials */
            message: string;
            /** @enum {string} */
            error?: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";
            error_description?: string;
        };
        PasswordGrantRequestDto: {
            /** @enum {string} */
            grant_type: "password";
            /**
             * @description The user's email address.
             * @example ada@example.com
             */
            username: string;
            /** Format: password */
            password: string;
        };
        ProjectDto: {
            id: number;
            name: string;
            metadata: string;
            /** @description Anyone may fetch the project's media files (`/project/:id/media/:mediaId/file`) without a token. */
            publicMedia: boolean;
            /** @description The owner's user id. */
            userId: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
            members: components["schemas"]["MemberDto"][];
        };
        ProjectPage: {
            page: number;
            totalPages: number;
            totalRecords: number;
            results: components["schemas"]["ProjectDto"][];
        };
        RefreshTokenGrantRequestDto: {
            /** @enum {string} */
            grant_type: "refresh_token";
            /** @description A refresh token. On the contentjet paths, a still-valid access token also works. */
            refresh_token: string;
            /** @description Third-party apps: a subset of the granted scope. */
            scope?: string;
        };
        RequestPasswordResetDto: {
            /**
             * Format: email
             * @description The address of the account; the answer is the same whether or not one has it.
             */
            email: string;
        };
        ResetRequestedDto: {
            message: string;
        };
        RevokeRequestDto: {
            /** @description An access token or a refresh token. */
            token: string;
            /** @enum {string} */
            token_type_hint?: "access_token" | "refresh_token";
        };
        RotateSecretDto: {
            /**
             * @description Seconds the previous secret keeps authenticating (0 to 604800, default
             *     0). With 0 the previous secret and every token issued with it stop at
             *     once; with a grace, its tokens live to their own expiry.
             * @default 0
             */
            graceSeconds?: number;
        };
        SaveEntryDto: {
            /**
             * Format: date-time
             * @description ISO 8601 date-time, or null for a draft.
             */
            published?: string | null;
            /** @description Checked against the entry type (errors under `errors.fields.<name>`). */
            fields?: {
                [key: string]: unknown;
            };
            entryTypeId: number;
            name: string;
            /** @description Created in the project on first use. */
            tags?: string[];
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            entryType?: Record<string, never>;
            /** @description Read-only; ignored. */
            userId?: Record<string, never>;
            /** @description Read-only; ignored. */
            user?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedByUserId?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedByUser?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
        };
        SaveEntryTypeDto: {
            /** @description Checked field by field against its fieldType (errors under `errors.fields.<name>`). */
            fields?: (components["schemas"]["TextFieldDto"] | components["schemas"]["LongTextFieldDto"] | components["schemas"]["BooleanFieldDto"] | components["schemas"]["NumberFieldDto"] | components["schemas"]["DateFieldDto"] | components["schemas"]["ChoiceFieldDto"] | components["schemas"]["ColorFieldDto"] | components["schemas"]["LinkFieldDto"] | components["schemas"]["ListFieldDto"] | components["schemas"]["MediaFieldDto"])[];
            name: string;
            description?: string;
            metadata?: string;
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            projectId?: Record<string, never>;
            /** @description Read-only; ignored. */
            userId?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
        };
        SessionDto: {
            /** @description Name it in `DELETE /user/me/sessions/{sessionId}`. */
            id: string;
            /**
             * Format: date-time
             * @description When you signed in.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it signed in or last renewed its tokens: while in use, about every few minutes.
             */
            lastUsedAt: string;
            /**
             * Format: date-time
             * @description When it ends at the latest, renewed or not.
             */
            expiresAt: string;
            /** @description The User-Agent of the request that signed in, cut to 512 characters; null when none was sent. */
            userAgent: string | null;
            /** @description The session the calling token belongs to. */
            current: boolean;
        };
        SessionPage: {
            page: number;
            totalPages: number;
            totalRecords: number;
            results: components["schemas"]["SessionDto"][];
        };
        SetPasswordDto: {
            /** @description The token of the mailed `/set-password/<token>` link (`~` or `.`, either works). */
            token: string;
            /** @description At least 8 characters. */
            password: string;
        };
        SignUpAnswerDto: {
            /** @description What happens next: a mail to the address. */
            message: string;
        };
        SignUpDto: {
            name: string;
            /**
             * Format: email
             * @description With an invitation, the address it was sent to (any case).
             */
            email: string;
            /** @description At least 8 characters. */
            password: string;
            /**
             * @description The token of an invitation's link (`~` or `.` between its parts):
             *     required when SIGNUP=invite (the default). The account joins the
             *     project once its address is verified.
             */
            inviteToken?: string;
        };
        SyncPageDto: {
            /** @description In entry id order: entries as the entry API returns them, and tombstones (`{id, deletedAt}`). */
            items: (components["schemas"]["EntryDto"] | components["schemas"]["SyncTombstoneDto"])[];
            /** @description The pass goes on: call again with `pageToken` set to this. */
            nextPageToken?: string;
            /** @description The pass is done: keep this, and call with `syncToken` set to it later for what changed. */
            nextSyncToken?: string;
        };
        SyncTombstoneDto: {
            /** @description The entry's id. */
            id: number;
            /**
             * Format: date-time
             * @description When it was deleted or unpublished.
             */
            deletedAt: string;
        };
        TagCountDto: {
            name: string;
            count: number;
        };
        TextFieldDto: {
            /**
             * @description The key of the value in an entry's `fields`; unique within the entry type.
             * @example title
             */
            name: string;
            /** @example Title */
            label: string;
            /** @default  */
            description?: string;
            /**
             * @description Entries must give a value (not null, '' or an empty list).
             * @default false
             */
            required?: boolean;
            /**
             * @description A hint for editors; values are still accepted and validated.
             * @default false
             */
            disabled?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            fieldType: "TEXT";
            /**
             * @description Fewest characters (Unicode code points); at most maxLength.
             * @default 0
             */
            minLength?: number;
            /**
             * @description Most characters (Unicode code points).
             * @default 1000
             */
            maxLength?: number;
            /**
             * @default plaintext
             * @enum {string}
             */
            format?: "plaintext" | "uri" | "email";
        };
        TokenResponseDto: {
            /** @description A JWT (`typ: at+jwt`); send it as `Authorization: Bearer …`. */
            access_token: string;
            /** @enum {string} */
            token_type: "bearer";
            /** @description Seconds until the access token expires. */
            expires_in: number;
            /**
             * @description The scopes granted, space-separated: an API client's (`read`, `preview`, labels), or a third-party app's (`read`, `write`).
             * @example read
             */
            scope?: string;
            /** @description Single use: each refresh returns the next one. */
            refresh_token?: string;
        };
        UpdateClientDto: {
            /** @description Where the authorization code grant may send users back to. */
            redirectUris?: string[];
            /**
             * @description The scopes its tokens may be granted. Every token reads published
             *     content (`read`); `preview` adds drafts and scheduled entries; any other
             *     name is a label carried in the token's `scope` claim. Default `["read"]`.
             * @example [
             *       "read",
             *       "preview"
             *     ]
             */
            scopes?: string[];
            /** @description The entry types its tokens may read (of this project); null or absent for all. */
            entryTypeIds?: number[] | null;
            /**
             * Format: date-time
             * @description After this instant it no longer authenticates and its tokens stop; null for never.
             */
            expiresAt?: string | null;
            /** @description Seconds its tokens live: 60 up to CLIENT_TOKEN_EXPIRY (the default). */
            tokenLifetime?: number | null;
            /**
             * @description `oauth2`: the token endpoint answers with RFC 6749's body (default).
             *     `envelope`: with the `/v1` token API's `{success, data}` (tokens live 900 s by default).
             * @enum {string}
             */
            tokenResponse?: "oauth2" | "envelope";
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            projectId?: Record<string, never>;
            /** @description Read-only; ignored. */
            clientId?: Record<string, never>;
            /** @description Read-only; ignored. */
            lastUsedAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            grantCount?: Record<string, never>;
            /** @description Read-only; ignored. */
            previousSecretExpiresAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            clientSecret?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
            name: string;
        };
        UpdateEntryDto: {
            /**
             * Format: date-time
             * @description ISO 8601 date-time, or null for a draft.
             */
            published?: string | null;
            /** @description Checked against the entry type (errors under `errors.fields.<name>`). */
            fields?: {
                [key: string]: unknown;
            };
            entryTypeId: number;
            name: string;
            /** @description Created in the project on first use. */
            tags?: string[];
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            entryType?: Record<string, never>;
            /** @description Read-only; ignored. */
            userId?: Record<string, never>;
            /** @description Read-only; ignored. */
            user?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedByUserId?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedByUser?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
        };
        UpdateEntryTypeDto: {
            /** @description Checked field by field against its fieldType (errors under `errors.fields.<name>`). */
            fields?: (components["schemas"]["TextFieldDto"] | components["schemas"]["LongTextFieldDto"] | components["schemas"]["BooleanFieldDto"] | components["schemas"]["NumberFieldDto"] | components["schemas"]["DateFieldDto"] | components["schemas"]["ChoiceFieldDto"] | components["schemas"]["ColorFieldDto"] | components["schemas"]["LinkFieldDto"] | components["schemas"]["ListFieldDto"] | components["schemas"]["MediaFieldDto"])[];
            name: string;
            description?: string;
            metadata?: string;
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            projectId?: Record<string, never>;
            /** @description Read-only; ignored. */
            userId?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
        };
        UpdateMeDto: {
            name?: string;
            /**
             * Format: email
             * @description Another address than the current one changes nothing yet: it needs
             *     `currentPassword`, and a confirmation link is mailed to it (the current
             *     address is told); the change happens when the link is followed.
             */
            email?: string;
            /** @description Required with an `email` other than the current one. */
            currentPassword?: string;
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            isAdmin?: Record<string, never>;
            /** @description Read-only; ignored. */
            isActive?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
            /** @description Read-only (an earlier answer's); ignored. */
            pendingEmail?: Record<string, never>;
        };
        UpdateMediaDto: {
            description?: string;
            /** @description Replaces the media's tags. */
            tags?: string[];
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            projectId?: Record<string, never>;
            /** @description Read-only; ignored. */
            userId?: Record<string, never>;
            /** @description Read-only; ignored. */
            name?: Record<string, never>;
            /** @description Read-only; ignored. */
            file?: Record<string, never>;
            /** @description Read-only; ignored. */
            thumbnail?: Record<string, never>;
            /** @description Read-only; ignored. */
            mimeType?: Record<string, never>;
            /** @description Read-only; ignored. */
            size?: Record<string, never>;
            /** @description Read-only; ignored. */
            width?: Record<string, never>;
            /** @description Read-only; ignored. */
            height?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            url?: Record<string, never>;
            /** @description Read-only; ignored. */
            thumbnailUrl?: Record<string, never>;
        };
        UpdateMemberDto: {
            /** @enum {string} */
            membershipType?: "admin" | "author";
            userId: number;
            membershipIsActive?: boolean;
        };
        UpdateProjectDto: {
            name: string;
            /** @description Free text for the project's own use. */
            metadata?: string;
            /**
             * @description Anyone may fetch the project's media files without a token (the media
             *     list and details stay private). Left out: false on create, unchanged on
             *     update.
             */
            publicMedia?: boolean;
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            userId?: Record<string, never>;
            /** @description Read-only; ignored. */
            members?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
        };
        UpdateUserDto: {
            name?: string;
            /**
             * Format: email
             * @description Unique, case-insensitively.
             */
            email?: string;
            /** @description Global administrator. Never false for yourself: another admin must take it away. */
            isAdmin?: boolean;
            /**
             * @description False deactivates: the user's sessions, tokens and apps' grants end at
             *     once, and signing in is refused until true again. Never false for yourself.
             */
            isActive?: boolean;
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
        };
        UpdateWebHookDto: {
            /**
             * Format: uri
             * @description Where events are POSTed: an absolute `https` URL, or `http`; at most
             *     2048 characters. Unless WEBHOOK_ALLOW_PRIVATE is set, a host that is
             *     `localhost` or a loopback, private, link-local or metadata address is
             *     refused here, and a name resolving to one is refused at delivery.
             * @example https://example.com/hooks/tessera
             */
            url: string;
            /** @description Read-only; ignored. */
            id?: Record<string, never>;
            /** @description Read-only; ignored. */
            projectId?: Record<string, never>;
            /** @description Read-only; ignored. */
            failureCount?: Record<string, never>;
            /** @description Read-only; ignored (`POST …/enable` clears it). */
            disabledAt?: Record<string, never>;
            /** @description Read-only; ignored (`POST …/rotate-secret` replaces it). */
            secret?: Record<string, never>;
            /** @description Read-only; ignored. */
            createdAt?: Record<string, never>;
            /** @description Read-only; ignored. */
            modifiedAt?: Record<string, never>;
            name: string;
            /** @description An inactive hook is sent nothing; default true. */
            isActive?: boolean;
            /** @description The project was changed (its name, its settings). */
            projectUpdated?: boolean;
            /** @description The project was deleted (the last event of its hooks). */
            projectDeleted?: boolean;
            entryTypeCreated?: boolean;
            entryTypeUpdated?: boolean;
            entryTypeDeleted?: boolean;
            entryCreated?: boolean;
            entryUpdated?: boolean;
            entryDeleted?: boolean;
            /** @description Entries deleted at once (`bulk-delete`): one event naming their ids. */
            entryDeletedBulk?: boolean;
            mediaCreated?: boolean;
            mediaUpdated?: boolean;
            mediaDeleted?: boolean;
            /** @description Media files deleted at once (`bulk-delete`): one event naming their ids. */
            mediaDeletedBulk?: boolean;
            /**
             * @description An entry became publicly visible: saved with `published` now or in the
             *     past where it was a draft or scheduled, or when its scheduled instant came.
             */
            entryPublished?: boolean;
        };
        UpdatedMeDto: {
            id: number;
            email: string;
            name: string;
            isAdmin: boolean;
            isActive: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
            /**
             * @description Present when the body asked for another email: a confirmation link went
             *     to this address, and `email` stays as it is until it is followed.
             */
            pendingEmail?: string;
        };
        UserDto: {
            id: number;
            email: string;
            name: string;
            isAdmin: boolean;
            isActive: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
        };
        UserPage: {
            page: number;
            totalPages: number;
            totalRecords: number;
            results: components["schemas"]["UserDto"][];
        };
        V1LoginRequestDto: {
            /** @example ada@example.com */
            email: string;
            /** Format: password */
            password: string;
        };
        V1TokenDataDto: {
            /** @enum {string} */
            type: "token" | "refresh_token";
            access_token: string;
            /** @enum {string} */
            token_type?: "Bearer";
            expires_in: number;
        };
        V1TokenResponseDto: {
            /** @enum {boolean} */
            success: true;
            data: components["schemas"]["V1TokenDataDto"];
        };
        /** @description A 400. When the input broke a rule, `name` is `ValidationError` and `errors` says which fields and why; input that could not be read at all (malformed JSON) has no `errors`. */
        ValidationError: {
            /** @enum {integer} */
            status: 400;
            /** @example ValidationError */
            name: string;
            /** @example Validation failed */
            message: string;
            errors?: components["schemas"]["FieldErrors"];
        };
        VerifyDto: {
            /** @description The token of the mailed `/sign-up/verify/<token>` link. */
            token: string;
        };
        WebHookDto: {
            /**
             * Format: date-time
             * @description When the hook was disabled after 20 failed deliveries in a row; it is
             *     sent nothing until `POST …/enable`. Null while it is enabled.
             */
            disabledAt: string | null;
            id: number;
            projectId: number;
            name: string;
            url: string;
            isActive: boolean;
            projectUpdated: boolean;
            projectDeleted: boolean;
            entryTypeCreated: boolean;
            entryTypeUpdated: boolean;
            entryTypeDeleted: boolean;
            entryCreated: boolean;
            entryUpdated: boolean;
            entryDeleted: boolean;
            entryDeletedBulk: boolean;
            mediaCreated: boolean;
            mediaUpdated: boolean;
            mediaDeleted: boolean;
            mediaDeletedBulk: boolean;
            entryPublished: boolean;
            /** @description Deliveries failed in a row (every attempt); back to 0 on a success. */
            failureCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
        };
        WebHookWithSecretDto: {
            /**
             * Format: date-time
             * @description When the hook was disabled after 20 failed deliveries in a row; it is
             *     sent nothing until `POST …/enable`. Null while it is enabled.
             */
            disabledAt: string | null;
            id: number;
            projectId: number;
            name: string;
            url: string;
            isActive: boolean;
            projectUpdated: boolean;
            projectDeleted: boolean;
            entryTypeCreated: boolean;
            entryTypeUpdated: boolean;
            entryTypeDeleted: boolean;
            entryCreated: boolean;
            entryUpdated: boolean;
            entryDeleted: boolean;
            entryDeletedBulk: boolean;
            mediaCreated: boolean;
            mediaUpdated: boolean;
            mediaDeleted: boolean;
            mediaDeletedBulk: boolean;
            entryPublished: boolean;
            /** @description Deliveries failed in a row (every attempt); back to 0 on a success. */
            failureCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            modifiedAt: string;
            /**
             * @description The Standard Webhooks signing secret, `whsec_` and 32 random bytes in
             *     base64: give it to the receiver's verifier. Tessera keeps it sealed and
             *     never shows it again.
             */
            secret: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    authJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwkSetDto"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationServerMetadataDto"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    adminSessionSignIn: {
        parameters: {
            query?: never;
            header: {
                /** @description `1`. A cross-site form cannot send it, so it cannot use the cookie. */
                "x-tessera-admin": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminSignInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientTokenResponseDto"];
                };
            };
            /** @description Without `X-Tessera-Admin: 1`, or a body that breaks the rules */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description The email or password is incorrect */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description ADMIN_UI=off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    adminSessionSignOut: {
        parameters: {
            query?: never;
            header: {
                /** @description `1`. A cross-site form cannot send it, so it cannot use the cookie. */
                "x-tessera-admin": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Without `X-Tessera-Admin: 1`, or a body that breaks the rules */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description ADMIN_UI=off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    adminSessionChangePassword: {
        parameters: {
            query?: never;
            header: {
                /** @description `1`. A cross-site form cannot send it, so it cannot use the cookie. */
                "x-tessera-admin": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Without `X-Tessera-Admin: 1`, or a body that breaks the rules */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description ADMIN_UI=off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    adminSessionRefresh: {
        parameters: {
            query?: never;
            header: {
                /** @description `1`. A cross-site form cannot send it, so it cannot use the cookie. */
                "x-tessera-admin": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientTokenResponseDto"];
                };
            };
            /** @description Without `X-Tessera-Admin: 1`, or a body that breaks the rules */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No session: no cookie, or it expired, ended or was used before */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description ADMIN_UI=off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authAuthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordGrantRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["PasswordGrantRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    healthCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answered a ping */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description The database did not answer */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    metricsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description METRICS_TOKEN is set and was not sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Metrics are off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authorizeShow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sign-in or consent page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Back to the redirect_uri with code, or with error */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown client or unregistered redirect_uri: an error page */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The signed-in user is not a member of the app's project: a page saying so */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["RevokeRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    oAuthTokenToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordGrantRequestDto"] | components["schemas"]["RefreshTokenGrantRequestDto"] | components["schemas"]["ClientCredentialsGrantRequestDto"] | components["schemas"]["AuthorizationCodeGrantRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["PasswordGrantRequestDto"] | components["schemas"]["RefreshTokenGrantRequestDto"] | components["schemas"]["ClientCredentialsGrantRequestDto"] | components["schemas"]["AuthorizationCodeGrantRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"] | components["schemas"]["ClientTokenResponseDto"] | components["schemas"]["V1TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    projectsList: {
        parameters: {
            query?: {
                /** @description 1-based */
                page?: number;
                pageSize?: number;
                /** @description Words in the project name, case-insensitive. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    projectsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    projectsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    projectsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    projectsRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "owner" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    clientsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDto"][];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    clientsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateClientDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientWithSecretDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    clientAuthenticateAuthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientCredentialsGrantRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["ClientCredentialsGrantRequestDto"];
            };
        };
        responses: {
            /** @description RFC 6749's body; for a client registered with tokenResponse envelope, the /v1 token API's */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientTokenResponseDto"] | components["schemas"]["V1TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description No such project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    clientsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or client, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    clientsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateClientDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or client, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    clientsRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or client, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    clientsRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateSecretDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientWithSecretDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or client, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entriesList: {
        parameters: {
            query?: {
                /** @description 1-based */
                page?: number;
                pageSize?: number;
                orderBy?: "createdAt" | "-createdAt" | "modifiedAt" | "-modifiedAt" | "name" | "-name" | "published" | "-published";
                /** @description Include drafts and future entries (members only; API clients never see them). */
                nonPublished?: boolean;
                /** @description media: MEDIA fields hold the media themselves ({id, url, width, height, mimeType, description}) instead of their ids; deleted media are left out */
                expand?: "media";
                /** @description Only entries of this entry type; empty means no filter. */
                entryType?: number;
                /** @description Comma-separated: entries with any of these tags. */
                tags?: string;
                /** @description Words in the name, case-insensitive; empty means no filter. */
                search?: string;
                /**
                 * @description The previous page's `nextCursor`: the page after it, at any depth, for
                 *     the same orderBy and filters (another order or filter is a 400). Leave
                 *     `page` out with it. Empty is the first page.
                 */
                cursor?: string;
            };
            header?: {
                /** @description An ETag from an earlier answer */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Send it as If-None-Match to get a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryPage"];
                };
            };
            /** @description Not modified: your copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entriesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveEntryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entriesTags: {
        parameters: {
            query?: {
                /** @description `[{name, count}]` instead of plain names. */
                counts?: boolean;
            };
            header?: {
                /** @description An ETag from an earlier answer */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Send it as If-None-Match to get a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[] | components["schemas"]["TagCountDto"][];
                };
            };
            /** @description Not modified: your copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entryTypesList: {
        parameters: {
            query?: {
                /** @description 1-based */
                page?: number;
                pageSize?: number;
            };
            header?: {
                /** @description An ETag from an earlier answer */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Send it as If-None-Match to get a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryTypePage"];
                };
            };
            /** @description Not modified: your copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entryTypesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveEntryTypeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryTypeDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entryTypesGet: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier answer */
                "If-None-Match"?: string;
            };
            path: {
                entryTypeId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Send it as If-None-Match to get a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryTypeDto"];
                };
            };
            /** @description Not modified: your copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or entry type, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entryTypesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryTypeId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEntryTypeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryTypeDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or entry type, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entryTypesRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryTypeId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or entry type, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The type still has entries */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entriesBulkRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": number[];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entriesGet: {
        parameters: {
            query?: {
                /** @description media: MEDIA fields hold the media themselves ({id, url, width, height, mimeType, description}) instead of their ids; deleted media are left out */
                expand?: "media";
            };
            header?: {
                /** @description An ETag from an earlier answer */
                "If-None-Match"?: string;
            };
            path: {
                entryId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Send it as If-None-Match to get a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryDto"];
                };
            };
            /** @description Not modified: your copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or entry, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entriesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEntryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or entry, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    entriesRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or entry, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    invitesList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteDto"][];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    invitesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInviteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The address already belongs to a member of the project */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    invitesAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInviteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteDto"];
                };
            };
            /** @description The token is not a live invitation of this project (`errors.token`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    invitesBulkRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": number[];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    invitesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inviteId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or invite, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    invitesResend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inviteId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or invite, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The invite was already accepted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaList: {
        parameters: {
            query?: {
                /** @description 1-based */
                page?: number;
                pageSize?: number;
                orderBy?: "createdAt" | "-createdAt" | "modifiedAt" | "-modifiedAt";
                /** @description Words that must all be in the name, case-insensitive; empty means no filter. */
                search?: string;
                /** @description Comma-separated: media with any of these tags. */
                tags?: string;
            };
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaPage"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaBulkRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": number[];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["MediaUploadDto"];
            };
        };
        responses: {
            /** @description The media: an object for one file, an array for several */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaDto"] | components["schemas"]["MediaDto"][];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A file over MEDIA_MAX_BYTES (nothing is stored) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A file whose type (sniffed from its bytes) is not one of MEDIA_ALLOWED_TYPES, or a body that is not multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or media, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMediaDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or media, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mediaId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or media, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaFile: {
        parameters: {
            query?: {
                /** @description Width in pixels: one of MEDIA_RENDITION_SIZES (by default 64, 128, 200, 320, 400, 480, 640, 800, 960, 1024, 1200, 1280, 1600, 1920, 2048, 2560). Never enlarges. */
                w?: number;
                /** @description Height in pixels: one of MEDIA_RENDITION_SIZES. Never enlarges. */
                h?: number;
                /** @description With both `w` and `h`: crop to fill them (`cover`), pad to fit them (`contain`), or fit within them keeping the aspect ratio (`inside`) */
                fit?: "cover" | "contain" | "inside";
                /** @description The original's format for JPEG, PNG, WebP and AVIF originals, else WebP. Alone, a re-encode at the original size. */
                format?: "webp" | "avif" | "jpeg" | "png";
                /** @description Quality of the lossy formats (PNG ignores it) */
                q?: number;
            };
            header?: never;
            path: {
                mediaId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file as uploaded (or a rendition, with `w`, `h`, `fit`, `format`, `q`). Strong ETag: send it as If-None-Match to get a 304. SVG always comes as an attachment, sandboxed by Content-Security-Policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Not modified: your copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or media, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A rendition of an image that cannot be rendered: damaged, not readable as an image, or decoding to more than 100 megapixels (a decompression bomb). The original is still served without rendition parameters. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    mediaVersionedFile: {
        parameters: {
            query?: {
                /** @description Width in pixels: one of MEDIA_RENDITION_SIZES (by default 64, 128, 200, 320, 400, 480, 640, 800, 960, 1024, 1200, 1280, 1600, 1920, 2048, 2560). Never enlarges. */
                w?: number;
                /** @description Height in pixels: one of MEDIA_RENDITION_SIZES. Never enlarges. */
                h?: number;
                /** @description With both `w` and `h`: crop to fill them (`cover`), pad to fit them (`contain`), or fit within them keeping the aspect ratio (`inside`) */
                fit?: "cover" | "contain" | "inside";
                /** @description The original's format for JPEG, PNG, WebP and AVIF originals, else WebP. Alone, a re-encode at the original size. */
                format?: "webp" | "avif" | "jpeg" | "png";
                /** @description Quality of the lossy formats (PNG ignores it) */
                q?: number;
            };
            header?: never;
            path: {
                mediaId: string;
                /** @description The media's current version, as in its `url` */
                version: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file as uploaded (or a rendition, with `w`, `h`, `fit`, `format`, `q`). Strong ETag: send it as If-None-Match to get a 304. SVG always comes as an attachment, sandboxed by Content-Security-Policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Not modified: your copy (If-None-Match) is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "member" (API clients: reads only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or media or version, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A rendition of an image that cannot be rendered: damaged, not readable as an image, or decoding to more than 100 megapixels (a decompression bomb). The original is still served without rendition parameters. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    membersList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"][];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    membersAdd: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberDto"];
            };
        };
        responses: {
            /** @description The user is now a member */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description An invitation was mailed to the address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Already a member */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    membersRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or user, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The owner or the last admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    syncPage: {
        parameters: {
            query?: {
                limit?: number;
                /** @description `nextSyncToken` of an earlier, finished pass: only what changed since. */
                syncToken?: string;
                /** @description `nextPageToken` of the previous page: the rest of that pass. */
                pageToken?: string;
            };
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncPageDto"];
                };
            };
            /** @description A token that is not one of this API, of the wrong kind, or issued for another project or kind of caller */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An API client limited to some entry types */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The token is older than SYNC_RETENTION_DAYS: start over without a token */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    membersUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Would demote the owner or the last admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebHookDto"][];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebHookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebHookWithSecretDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hookId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebHookDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hookId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebHookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebHookDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hookId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksDeliveries: {
        parameters: {
            query?: {
                /** @description 1-based */
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                hookId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hookId: string;
                deliveryId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetailDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook or delivery, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hookId: string;
                deliveryId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook or delivery, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The hook is disabled or inactive */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksEnable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hookId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebHookDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    webHooksRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hookId: string;
                /** @description The project */
                projectId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebHookWithSecretDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires the project role "admin" */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such project or hook, or a project the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    contentjetTokenTokenRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenGrantRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["RefreshTokenGrantRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    userAdminList: {
        parameters: {
            query?: {
                /** @description 1-based */
                page?: number;
                pageSize?: number;
                /** @description Text in the name or the email, case-insensitive; empty means every user. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires a global admin (API client and third-party app tokens: never) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    userAdminCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires a global admin (API client and third-party app tokens: never) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Another user has this email */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authAuthenticateViaUserAuthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordGrantRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["PasswordGrantRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authContentjetChangePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContentjetChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    emailChangeConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmEmailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Another account has taken the address since */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    usersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    emailChangeUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedMeDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many wrong current passwords for this account from this address, as for sign-ins */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    authChangePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    usersGrants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantDto"][];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    usersRevokeGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such client */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    usersSessionList: {
        parameters: {
            query?: {
                /** @description 1-based */
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPage"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    usersEndSessions: {
        parameters: {
            query?: {
                /** @description `current` keeps the session the calling token belongs to: "sign out everywhere else" */
                except?: "current";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndedSessionsDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    usersEndSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description API client and third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such session */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    passwordResetRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestPasswordResetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetRequestedDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    passwordResetSetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    signUpSignUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignUpDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignUpAnswerDto"];
                };
            };
            /** @description A body that breaks the rules; no valid `inviteToken` when one is needed; an `email` other than the invitation's */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description SIGNUP=off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    contentjetTokenTokenRefreshViaUserTokenRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenGrantRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["RefreshTokenGrantRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    signUpVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The token was used, expired or is unknown (`errors.token`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    userAdminGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description A path that cannot be decoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires a global admin (API client and third-party app tokens: never) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    userAdminUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input: `errors` names each field and what is wrong with it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Requires a global admin (API client and third-party app tokens: never) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Another user has this email */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A path parameter over 100 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    v1Login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["V1LoginRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["V1LoginRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    v1Logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        success?: boolean;
                    };
                };
            };
            /** @description A body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Missing, invalid, expired or revoked access token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `error="invalid_token"` when a token was sent */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Third-party app tokens may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    v1Token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1TokenResponseDto"];
                };
            };
            /** @description RFC 6749 §5.2 error (`invalid_request`, `invalid_grant`, …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Refused client credentials (`invalid_client`); on /v1, refused credentials or token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description A body over 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description A body that is neither JSON nor form-urlencoded */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The database is unreachable: try again after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
}
