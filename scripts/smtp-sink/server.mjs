// A local SMTP sink for development and tests: accepts every message (but
// to recipients starting with "reject-") on
// 127.0.0.1:SINK_SMTP_PORT (no TLS, no authentication), keeps it in memory,
// and lists what it received as JSON on http://127.0.0.1:SINK_HTTP_PORT/messages
// (DELETE /messages empties the list). Never for production.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const smtpPort = Number(process.env.SINK_SMTP_PORT ?? 2525);
const httpPort = Number(process.env.SINK_HTTP_PORT ?? 2526);
const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  banner: 'Indblik SMTP sink (development only)',
  // A recipient starting with "reject-" is refused permanently, with its
  // address in the reply as real servers write it (for the tests that check
  // the portal keeps addresses out of its logs).
  onRcptTo(address, session, callback) {
    if (address.address.startsWith('reject-')) {
      const error = new Error(`<${address.address}>: Recipient address rejected: mailbox unavailable`);
      error.responseCode = 550;
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          from: mail.from?.text ?? '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((error) => callback(error));
  },
});
smtp.on('error', (error) => console.error('smtp-sink:', error.message));
smtp.listen(smtpPort, '127.0.0.1');

createServer((request, response) => {
  if (request.url === '/messages' && request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(messages));
  } else if (request.url === '/messages' && request.method === 'DELETE') {
    messages.length = 0;
    response.writeHead(204);
    response.end();
  } else {
    response.writeHead(404);
    response.end();
  }
}).listen(httpPort, '127.0.0.1', () => {
  console.log(`smtp-sink: SMTP on 127.0.0.1:${smtpPort}, messages on http://127.0.0.1:${httpPort}/messages`);
});
