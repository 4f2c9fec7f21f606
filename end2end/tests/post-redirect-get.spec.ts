import { type Page } from '@playwright/test';

import { expect, expectAccessible, registerRequest, settle, test } from './support';

// Forms that post to an address of their own (the case actions, showing the
// CPR number in full, the citizen's reply, the DPO's lift form) answer with
// a redirect back to their page (Post/Redirect/Get): the address bar always
// holds a page, a reload repeats nothing, and a failure is shown once at the
// top of the page with a link to the form that failed.

/** Signs in as Sara, registers a letter from a citizen and returns the
 *  case page's address. */
async function registeredCase(sara: Page): Promise<string> {
  await sara.goto('/medarbejder/log-ind');
  await sara.getByRole('button', { name: 'Sara Sagsbehandler' }).click();
  await expect(sara).toHaveURL('/sagsbehandling');
  const { casePath } = await registerRequest(sara, {
    kind: 'Indsigt',
    channel: 'Brev',
    time: '08:00',
    identity: 'Underskrevet brev sammenholdt med CPR',
    about: 'Alt om mig',
    address: 'Lavsikringsvej 3\n9999 Testby',
  });
  return casePath;
}

test('showing the CPR number in full shows it once; a reload masks it again', async ({
  page: sara,
  problems,
}) => {
  const casePage = await registeredCase(sara);
  await settle(sara);
  await sara.getByRole('button', { name: 'Vis fuldt CPR-nummer' }).click();
  await expect(sara).toHaveURL(`${casePage}#cpr`);
  await settle(sara);
  await expect(sara.getByText('021170-1118')).toBeVisible();
  await sara.reload();
  await settle(sara);
  await expect(sara.getByText('021170-****')).toBeVisible();
  await expect(sara.getByText('021170-1118')).toHaveCount(0);
  // Shown once, logged once: the history has one reveal.
  await expect(sara.getByText('CPR-nummer vist', { exact: false })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('a failed case action comes back to the case page with focus on what failed', async ({
  page: sara,
  problems,
  javaScriptEnabled,
}) => {
  const casePage = await registeredCase(sara);
  await settle(sara);
  await expect(sara).toHaveTitle(/^Indsigt H-\d{6}/);
  // The actions are folded away: one opens, and opening another closes it.
  const answer = sara.locator('summary', { hasText: /^Besvar$/ });
  const note = sara.locator('summary', { hasText: /^Intern note$/ });
  await note.click();
  await expect(sara.getByLabel('Note (vises ikke for borgeren)')).toBeVisible();
  await answer.click();
  await expect(sara.getByLabel('Note (vises ikke for borgeren)')).toBeHidden();
  await expect(sara.getByRole('button', { name: 'Send svar' })).toBeVisible();
  await sara.getByRole('button', { name: 'Send svar' }).click();
  await expect(sara).toHaveURL(casePage);
  await settle(sara);
  await expect(sara).toHaveTitle(/^Fejl: /);
  const top = sara.getByRole('alert').filter({ hasText: 'Det, du sendte, blev ikke gemt' });
  await expect(top).toBeFocused();
  const section = sara.locator('#svar-section');
  await expect(section.getByRole('alert')).toContainText('Skriv svaret til borgeren.');
  if (javaScriptEnabled) await expectAccessible(sara);
  await top.getByRole('link', { name: 'Se hvad der skal rettes under "Besvar"' }).click();
  await expect(section).toBeFocused();
  await section.getByRole('link', { name: 'Skriv svaret til borgeren.' }).click();
  await expect(section.getByLabel('Svar til borgeren')).toBeFocused();
  // A reload shows the page as it is, and sends nothing again.
  await sara.reload();
  await settle(sara);
  await expect(sara).not.toHaveTitle(/^Fejl: /);
  await expect(sara.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});
