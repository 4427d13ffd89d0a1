// Step: the first app. Paste any URL of it; the site form shows the page key and screen it would use.
import { SiteForm } from '../apps/site-form';
import type { StepProps } from './steps';

export function AppStep({ info, reload, next }: StepProps) {
  return (
    <>
      <p>
        An app is one internal web app your colleagues use (a CRM, an admin console, a wiki). Paste the address of any page of it:
        Alongside shows which part of the address identifies a page, so one tip serves every page it fits.
      </p>
      {info.setup.app && (
        <p class="ok" role="status">
          Your first app is registered. Add another here, or <a href="/apps">manage apps</a> later.
        </p>
      )}
      <SiteForm
        submitLabel="Register the app"
        onSaved={async () => {
          await reload();
          next();
        }}
      />
    </>
  );
}
