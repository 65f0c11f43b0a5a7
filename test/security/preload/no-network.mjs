// Preload for the no-network test (node --import): every way Node opens a network connection
// or resolves a name is replaced by a stub that records the attempt (one line appended to
// $SOP_TEST_NET_LOG) and throws. The test asserts that the log stays empty.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import http2 from 'node:http2';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.SOP_TEST_NET_LOG;
function stub(name) {
  return function blocked() {
    if (log) appendFileSync(log, `${process.pid} ${name} ${process.argv.slice(2).join(' ')}\n`);
    throw new Error(`network access blocked by the no-network test: ${name}`);
  };
}
net.Socket.prototype.connect = stub('net.Socket.connect');
net.connect = net.createConnection = stub('net.connect');
tls.connect = stub('tls.connect');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
  dns[name] = stub(`dns.${name}`);
  dns.promises[name] = stub(`dns.promises.${name}`);
}
http.request = http.get = stub('http.request');
https.request = https.get = stub('https.request');
http2.connect = stub('http2.connect');
dgram.createSocket = stub('dgram.createSocket');
globalThis.fetch = stub('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = stub('WebSocket');
syncBuiltinESMExports();
