// Inviting colleagues, the three ways side by side: create their accounts, let the company's email domain
// sign up, or share an invitation link. The People page's Invite tab, and the first-run wizard's step
// (`InviteColleagues`, whose ways are h2 sections: put it under the page's or step's h1).
import { InvitationLinks } from './invitation-links';
import { PeopleFrame } from './frame';
import { NewAccountForm } from './new-account';
import { SignUpDomains } from './signup-domains';

/** `onChange` hears each way a colleague gets in (an account, sign-up, a link): the wizard's progress. */
export function InviteColleagues({ onChange }: { onChange?: () => void }) {
  return (
    <div class="invite-ways">
      <section class="panel-box" aria-labelledby="invite-accounts">
        <h2 id="invite-accounts">Create their accounts</h2>
        <p>You type each colleague's name, email and a first password, and pass the password on yourself. Best for a few people.</p>
        <details>
          <summary>Create an account</summary>
          <NewAccountForm onCreated={onChange} />
        </details>
      </section>
      <SignUpDomains onSaved={onChange} />
      <InvitationLinks onCreated={onChange} />
    </div>
  );
}

export function InvitePage() {
  return (
    <PeopleFrame title="Invite colleagues" intro="Three ways for colleagues to get an account; use any of them, or all.">
      <InviteColleagues />
    </PeopleFrame>
  );
}
