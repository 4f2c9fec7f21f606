import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

import { type Browser, type Page } from '@playwright/test';
import { expect, expectAccessible, fillRegistration, registerRequest, settle, test } from './support';

// Bo Prøvesen files an access request, Sara Sagsbehandler answers it, Bo
// sees the answer with his log attached and Sara's look-up in his log; Sara
// registers a letter; the DPO sees the deadlines. Bo is used (not Anna) so
// the counts the log tests check for Anna stay as they are.

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2026-12-23" → "23. december 2026", as the portal writes dates. */
function danishDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}. ${MONTHS[month - 1]} ${year}`;
}

/** The deadline of a request received now, from the portal's own command. */
function dueForNow(): string {
  const line = execFileSync('../target/debug/server', ['deadline', new Date().toISOString()], {
    env: { ...process.env, INDBLIK_CONFIG_FILE: '../scripts/development.toml', INDBLIK_DATABASE_URL: process.env.E2E_DATABASE_URL ?? '' },
  }).toString();
  const due = /due=(\d{4}-\d{2}-\d{2})/.exec(line)?.[1];
  if (!due) throw new Error(`unexpected output: ${line}`);
  return danishDate(due);
}

async function signInAsStaff(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/medarbejder/log-ind');
  await page.getByRole('button', { name }).click();
  await settle(page);
  return page;
}

// Each test walks several people through several pages.
test.describe.configure({ timeout: 120_000 });

test('a citizen files an access request, a caseworker answers it, and the citizen sees answer and look-up', async ({ page, browser, problems }) => {
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Bo Prøvesen' }).click();
  await expect(page).toHaveURL('/min-log');

  await page.goto('/henvendelser/ny');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny henvendelse');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Se de oplysninger, kommunen har om dig' }).click();
  await settle(page);

  // An empty form comes back with the error at the field and the e-mail kept.
  await page.getByLabel('Din e-mailadresse (frivillig)').fill('bo@eksempel.dk');
  await page.getByRole('button', { name: 'Send henvendelse' }).click();
  await settle(page);
  await expect(page.locator('.form-error-message')).toContainText('Skriv, hvad din henvendelse drejer sig om.');
  await expect(page.getByLabel('Din e-mailadresse (frivillig)')).toHaveValue('bo@eksempel.dk');
  await expectAccessible(page);

  const due = dueForNow();
  await page.getByLabel('Hvad vil du have indsigt i?').fill('Alle oplysninger om mig fra det seneste år');
  await page.getByRole('button', { name: 'Send henvendelse' }).click();
  await expect(page).toHaveURL(/\/henvendelser\/\d+\/kvittering$/);
  await settle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi har modtaget din henvendelse');
  await expect(page.getByRole('status')).toContainText(`Kommunen svarer dig senest ${due}.`);
  const number = (await page.getByRole('status').locator('.alert-heading').innerText()).replace('Henvendelse ', '');
  expect(number).toMatch(/^H-\d{6}$/);
  await expectAccessible(page);
  const requestUrl = page.url().replace(/\/kvittering$/, '');

  // Sara finds it in her queue and answers it.
  const sara = await signInAsStaff(browser, 'Sara Sagsbehandler');
  await expect(sara).toHaveURL('/sagsbehandling');
  const row = sara.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Bo Prøvesen');
  await expectAccessible(sara);
  await row.getByRole('link', { name: number }).click();
  await settle(sara);
  await expect(sara.getByText('120755-****')).toBeVisible();
  await expectAccessible(sara);
  // The actions are folded away, one open at a time.
  await sara.locator('summary', { hasText: /^Besvar$/ }).click();
  await sara.getByLabel('Svar til borgeren').fill('Her er dine oplysninger. Din log er vedlagt.');
  await sara.getByRole('button', { name: 'Send svar' }).click();
  await settle(sara);
  await expect(sara.getByRole('status')).toContainText('Svaret er sendt til borgeren.');

  // Bo sees the answer, the attached log, and Sara's look-up at unit level.
  await page.goto(requestUrl);
  await settle(page);
  await expect(page.getByText('Besvaret', { exact: true })).toBeVisible();
  await expect(page.getByText('Her er dine oplysninger. Din log er vedlagt.')).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `log-${number}.csv` }).click(),
  ]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split('\n')[0]).toContain('Dato;Tidspunkt;Enhed');
  expect(csv).toContain('Indblik');

  await page.goto('/min-log?system=indblik');
  await settle(page);
  const lookups = page.locator('table.log-table tbody tr');
  await expect(lookups.first()).toContainText('Borgerservice');
  await expect(lookups.first()).toContainText('Indblik');
  await expect(page.getByText('Sara')).toHaveCount(0);
  await sara.context().close();
  // The one error response is the deliberately incomplete form (422).
  expect(problems).toEqual([expect.stringMatching(/^HTTP 422: .*\/henvendelser\/ny\/indsigt$/)]);
});

test('a caseworker registers a letter and it appears in the queue; the DPO sees the deadlines', async ({ browser }) => {
  const sara = await signInAsStaff(browser, 'Sara Sagsbehandler');
  await sara.getByRole('link', { name: 'Registrer henvendelse fra brev, telefon eller e-mail' }).click();
  await settle(sara);
  await expectAccessible(sara);
  await fillRegistration(sara, {
    kind: 'Sletning',
    channel: 'Brev',
    time: '10:30',
    identity: 'Underskrevet brev sammenholdt med CPR',
    about: 'Slet mine oplysninger om en afsluttet byggesag',
    address: 'Lavsikringsvej 3\n9999 Testby',
  });
  await sara.getByRole('button', { name: 'Registrer' }).click();
  await expect(sara).toHaveURL(/\/sagsbehandling\/\d+\?besked=registreret$/);
  await settle(sara);
  await expect(sara.getByRole('status')).toContainText('Henvendelsen er registreret');
  const heading = await sara.getByRole('heading', { level: 1 }).innerText();
  const number = /H-\d{6}/.exec(heading)?.[0] ?? '';
  expect(number).not.toBe('');
  await expect(sara.getByText('Brev', { exact: false }).first()).toBeVisible();

  await sara.goto('/sagsbehandling?type=erasure');
  await settle(sara);
  await expect(sara.getByRole('row').filter({ hasText: number })).toContainText('Carl Lavsikring');
  await sara.context().close();

  const dpo = await signInAsStaff(browser, 'Dan Databeskyttelse');
  await expect(dpo).toHaveURL('/dpo');
  await expect(dpo.getByRole('heading', { name: 'Henvendelser og frister' })).toBeVisible();
  await expect(dpo.getByRole('img', { name: /Andel besvaret inden for fristen pr. måned/ })).toBeVisible();
  const open = dpo.getByRole('table', { name: 'Åbne henvendelser efter type' }).getByRole('row', { name: /Sletning/ });
  await expect(open).not.toContainText(/Sletning\s*0$/);
  const borgerservice = dpo.getByRole('row').filter({ has: dpo.getByRole('rowheader', { name: 'Borgerservice', exact: true }) });
  await expect(borgerservice.first()).toBeVisible();
  await expectAccessible(dpo);
  await dpo.context().close();
});

test('a caseworker transfers a request to another unit, whose caseworker finds it in the queue', async ({ browser }) => {
  const sara = await signInAsStaff(browser, 'Sara Sagsbehandler');
  const { number } = await registerRequest(sara, {
    kind: 'Andet',
    channel: 'Telefon',
    time: '11:15',
    identity: 'Opkald tilbage til nummeret i CPR',
    about: 'Spørgsmål om oplysninger i en jobcentersag',
    address: 'Lavsikringsvej 3\n9999 Testby',
  });

  await sara.locator('summary', { hasText: /^Overfør til en anden enhed$/ }).click();
  await sara.getByLabel('Enhed', { exact: true }).selectOption({ label: 'Jobcenter' });
  await sara.getByRole('textbox', { name: 'Begrundelse', exact: true }).fill('Sagen hører til i Jobcentret.');
  await expectAccessible(sara);
  await sara.getByRole('button', { name: 'Overfør', exact: true }).click();
  await expect(sara).toHaveURL('/sagsbehandling?besked=overfoert');
  await settle(sara);
  await expect(sara.getByRole('status').first()).toContainText('Henvendelsen er overført');
  await expect(sara.getByRole('link', { name: number })).toHaveCount(0);
  await sara.context().close();

  const jens = await signInAsStaff(browser, 'Jens Jobcenter');
  await expect(jens).toHaveURL('/sagsbehandling');
  await jens.getByRole('link', { name: number }).click();
  await settle(jens);
  await expect(jens.getByText('Overført fra Borgerservice til Jobcenter. Sagen hører til i Jobcentret.')).toBeVisible();
  await expectAccessible(jens);
  await jens.context().close();
});

test('a caseworker asks the DPO, who advises from the DPO page, and the answer with a document says it departs from the advice', async ({ browser }) => {
  const sara = await signInAsStaff(browser, 'Sara Sagsbehandler');
  const { casePath, number } = await registerRequest(sara, {
    kind: 'Indsigt',
    channel: 'Brev',
    time: '09:30',
    identity: 'Brev med kopi af sundhedskort',
    about: 'Alle oplysninger om min sag om boligstøtte',
    address: 'Lavsikringsvej 3\n9999 Testby',
  });

  await sara.locator('summary', { hasText: /^Spørg databeskyttelsesrådgiveren$/ }).click();
  await sara.getByRole('textbox', { name: 'Dit spørgsmål' }).fill('Må vi udlevere naboens klage?');
  await expectAccessible(sara);
  await sara.getByRole('button', { name: 'Send spørgsmålet' }).click();
  await expect(sara).toHaveURL(`${casePath}?besked=dpo-spurgt`);
  await settle(sara);
  await expect(sara.getByRole('heading', { name: 'Venter på råd fra databeskyttelsesrådgiveren' })).toBeVisible();
  await expect(sara.locator('summary', { hasText: /^Spørg databeskyttelsesrådgiveren$/ })).toHaveCount(0);

  const dan = await signInAsStaff(browser, 'Dan Databeskyttelse');
  await dan.goto('/dpo');
  await settle(dan);
  const questions = dan.getByRole('region', { name: 'Spørgsmål, der venter på dit råd' });
  await expect(questions.getByRole('row').filter({ hasText: 'Sara Sagsbehandler' }).first()).toBeVisible();
  await questions.getByRole('link', { name: number }).click();
  await settle(dan);
  await expect(dan.getByRole('blockquote')).toHaveText('Må vi udlevere naboens klage?');
  // An empty advice comes back with the error; nothing is saved.
  await dan.getByRole('button', { name: 'Send rådet' }).click();
  await settle(dan);
  await expect(dan).toHaveTitle(/^Fejl: /);
  await dan.getByRole('textbox', { name: 'Dit råd' }).fill('Nej, klagen udleveres ikke: den handler om naboen.');
  await expectAccessible(dan);
  await dan.getByRole('button', { name: 'Send rådet' }).click();
  await expect(dan).toHaveURL(`${casePath}?besked=dpo-raad`);
  await settle(dan);
  await expect(dan.getByRole('button', { name: 'Send rådet' })).toHaveCount(0);
  await dan.context().close();

  await sara.goto(casePath);
  await settle(sara);
  await expect(sara.getByText('Nej, klagen udleveres ikke: den handler om naboen.')).toBeVisible();
  await expect(sara.getByRole('blockquote')).toHaveCount(0);
  // A document that is not what its name says comes back with the error;
  // the text typed is kept, the file must be chosen again.
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000', 'hex');
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
  await sara.locator('summary', { hasText: /^Besvar$/ }).click();
  const answerForm = sara.locator('#svar-section');
  await answerForm.getByRole('textbox', { name: 'Svar til borgeren' }).fill('Her er oplysningerne om din sag.');
  await answerForm.getByLabel('Vedhæft dokumenter (frivilligt)').setInputFiles({ name: 'klage.pdf', mimeType: 'application/pdf', buffer: png });
  const followed = answerForm.getByRole('group', { name: 'Følger afgørelsen databeskyttelsesrådgiverens råd?' });
  await followed.getByLabel('Nej').check();
  await answerForm.getByRole('textbox', { name: 'Hvorfor ikke?' }).fill('Naboen har givet samtykke.');
  await expectAccessible(sara);
  await answerForm.getByRole('button', { name: 'Send svar' }).click();
  await settle(sara);
  await expect(sara).toHaveTitle(/^Fejl: /);
  await expect(answerForm.locator('.form-error-message')).toContainText('Filen klage.pdf hedder PDF, men dens indhold er PNG.');
  await expect(answerForm.getByRole('textbox', { name: 'Svar til borgeren' })).toHaveValue('Her er oplysningerne om din sag.');
  await expectAccessible(sara);
  await answerForm.getByLabel('Vedhæft dokumenter (frivilligt)').setInputFiles({ name: 'Afgørelse.pdf', mimeType: 'application/pdf', buffer: pdf });
  await answerForm.getByRole('button', { name: 'Send svar' }).click();
  await expect(sara).toHaveURL(`${casePath}?besked=besvaret`);
  await settle(sara);
  await expect(sara.getByText('Afgørelsen følger ikke databeskyttelsesrådgiverens råd')).toBeVisible();
  await expect(sara.getByText('Naboen har givet samtykke.')).toBeVisible();
  // The document is listed with the answer and downloads as it was sent.
  const download = sara.waitForEvent('download');
  await sara.getByRole('link', { name: 'Afgørelse.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Afgørelse.pdf');
  expect(await readFile(await file.path())).toEqual(pdf);
  await sara.context().close();
});

test('a letter request gets its receipt as a letter that prints alone on one A4 page, and its sending is recorded', async ({ browser }) => {
  const sara = await signInAsStaff(browser, 'Sara Sagsbehandler');
  await sara.goto('/sagsbehandling/registrer');
  await settle(sara);
  await fillRegistration(sara, {
    kind: 'Andet',
    channel: 'Brev',
    time: '13:00',
    identity: 'Brev med underskrift',
    about: 'Min adresse er forkert',
  });
  // A letter without the citizen's address is refused: the answer goes by post.
  await sara.getByRole('button', { name: 'Registrer' }).click();
  await settle(sara);
  await expect(sara.locator('.form-error-message')).toHaveText(/Skriv borgerens postadresse/);
  await sara.getByLabel('Borgerens CPR-nummer').fill('021170-1118');
  await sara.getByLabel('Borgerens postadresse').fill('Lavsikringsvej 3\n9999 Testby');
  await sara.getByRole('button', { name: 'Registrer' }).click();
  await expect(sara).toHaveURL(/\/sagsbehandling\/\d+\?besked=registreret$/);
  await settle(sara);
  const casePath = new URL(sara.url()).pathname;
  const number = /H-\d{6}/.exec(await sara.getByRole('heading', { level: 1 }).innerText())?.[0] ?? '';

  await sara.getByRole('link', { name: 'Brev til borgeren' }).first().click();
  await settle(sara);
  await expect(sara).toHaveURL(new RegExp(`${casePath}/brev/\\d+$`));
  const letter = sara.getByRole('article', { name: 'Vi har modtaget din henvendelse' });
  await expect(letter).toContainText('Lavsikringsvej 3');
  await expect(letter).toContainText('Rådhuspladsen 1');
  await expect(letter).toContainText(`Henvendelse nr. ${number}`);
  await expectAccessible(sara);

  // Printed: the letter alone, on one A4 page.
  await sara.emulateMedia({ media: 'print' });
  await expect(letter).toBeVisible();
  await expect(sara.locator('header.header')).toBeHidden();
  await expect(sara.getByRole('button', { name: 'Registrér afsendelsen' })).toBeHidden();
  const pdf = await sara.pdf({ format: 'A4', preferCSSPageSize: true });
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF')).toBe(true);
  expect(text.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  expect(Math.round(Number(box?.[1]))).toBe(595);
  expect(Math.round(Number(box?.[2]))).toBe(842);
  await sara.emulateMedia({ media: 'screen' });

  // The form proposes today (Copenhagen's date, from the server).
  await expect(sara.getByLabel('Afsendt den')).not.toHaveValue('');
  await sara.getByRole('button', { name: 'Registrér afsendelsen' }).click();
  await expect(sara).toHaveURL(`${casePath}?besked=brev-sendt`);
  await settle(sara);
  await expect(sara.getByText(/Brev til borgeren · sendt/).first()).toBeVisible();
  await sara.context().close();
});
