/**
 * Pages anyone may open without an account, outside Layout in App.tsx. On them the app never
 * asks who is signed in (no session API is read): a young person's chat (/chatt) must leave
 * no trace of Frid's login, and has nothing to do with one.
 */
const publicPages = ["/chatt"];

export const isPublicPage = (pathname: string) =>
  publicPages.some((page) => pathname === page || pathname.startsWith(`${page}/`));
