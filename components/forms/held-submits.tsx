/**
 * A submit made before the page's scripts have run is held, not lost.
 *
 * The server renders the forms, so on a slow phone a person can type and press "Create" or
 * "Save" before React has hydrated. A form that is sent by a script (`onSubmit`, or a client
 * `action` function) has no server address of its own, so the browser would send it the
 * old way: a GET of the same page with everything typed in the address, and an empty form
 * back. This script, first in the body, stops that submit and keeps the last one (the form
 * marked busy, its button dimmed); once React has hydrated, ReleaseHeldSubmits presses the
 * same button again, and the form's own handler sends it with what was typed (keep-typed.ts
 * gave those values to the form).
 *
 * Forms that work without JavaScript are left alone: those with a `method` (the GET
 * filters) or a real `action` (a server action's progressive-enhancement POST).
 */
const script = `(() => {
  let held = null;
  addEventListener('submit', (event) => {
    const form = event.target;
    if (window.__eoiHydrated || event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
    const action = form.getAttribute('action');
    if (form.hasAttribute('method') || (action && !action.startsWith('javascript:'))) return;
    event.preventDefault();
    if (held) release(held);
    held = { form, submitter: event.submitter };
    // Seen to be on its way: the form is busy and the button looks pressed (globals.css).
    form.setAttribute('aria-busy', 'true');
    if (held.submitter) held.submitter.setAttribute('data-held', '');
  });
  const release = (submit) => {
    submit.form.removeAttribute('aria-busy');
    if (submit.submitter) submit.submitter.removeAttribute('data-held');
  };
  window.__eoiReleaseSubmits = () => {
    window.__eoiHydrated = true;
    const submit = held;
    held = null;
    if (!submit) return;
    release(submit);
    if (!submit.form.isConnected) return;
    if (submit.submitter && submit.submitter.isConnected) submit.submitter.click();
    else submit.form.requestSubmit();
  };
})();`;

/** First in the root layout's body; ReleaseHeldSubmits goes last. */
export function HoldSubmitsScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
