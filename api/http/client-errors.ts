// What Node's HTTP parser refuses before the app sees a request (a request line and headers over Node's
// 16 KiB limit, or bytes that are not HTTP) still gets the API's `{ code, message }` body, not a bare status.
import type { Socket } from 'node:net';

const answers = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'The request line and headers are larger than this server accepts (16 KiB): the URL is probably too long.',
  },
  default: { status: '400 Bad Request', code: 'bad_request', message: 'The request is not valid HTTP.' },
};

type ClientErrorListener = (err: NodeJS.ErrnoException, socket: Socket) => void;

export function answerClientErrors(server: { on(event: 'clientError', listener: ClientErrorListener): unknown }): void {
  server.on('clientError', (err, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const answer = err.code === 'HPE_HEADER_OVERFLOW' ? answers.HPE_HEADER_OVERFLOW : answers.default;
    const body = JSON.stringify({ code: answer.code, message: answer.message });
    socket.end(
      `HTTP/1.1 ${answer.status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
