// Response samples with the header sets real devices send (captured-style; addresses
// and tags changed). Shared by the SIP parser tests. Line ends are CRLF.
export interface Sample {
  name: string;
  text: string;
  status: number;
  reason: string;
  userAgent: string | null;
  server: string | null;
  allow: string[];
  supported: string[];
}

const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;

export const YEALINK = crlf([
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP 10.0.0.2:40001;branch=z9hG4bKyl1;rport=40001;received=10.0.0.2',
  'From: "ghostcall" <sip:ghostcall@10.0.0.2:40001>;tag=ft1',
  'To: <sip:10.0.0.50:5060>;tag=3263484386',
  'Call-ID: yealink-call-1',
  'CSeq: 1 OPTIONS',
  'Contact: <sip:10.0.0.50:5060>',
  'Accept: application/sdp',
  'Allow: INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE',
  'Allow-Events: talk,hold,conference,refer,check-sync',
  'Accept-Language: en',
  'Supported: replaces',
  'User-Agent: Yealink SIP-T46S 66.86.0.15',
  'Content-Length: 0',
  '',
]);

export const GRANDSTREAM = crlf([
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP 10.0.0.2:40002;branch=z9hG4bKgs1;rport=40002;received=10.0.0.2',
  'From: "ghostcall" <sip:ghostcall@10.0.0.2:40002>;tag=ft2',
  'To: <sip:10.0.0.51:5060>;tag=1421558592',
  'Call-ID: gs-call-1',
  'CSeq: 1 OPTIONS',
  'Contact: <sip:10.0.0.51:5060;transport=udp>',
  'Supported: replaces, path, timer, eventlist',
  'User-Agent: Grandstream GXP2170 1.0.11.3',
  'Allow: INVITE, ACK, OPTIONS, CANCEL, BYE, SUBSCRIBE, NOTIFY, INFO, REFER, UPDATE, MESSAGE',
  'Content-Length: 0',
  '',
]);

export const ASTERISK = crlf([
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP 10.0.0.2:40003;rport=40003;received=10.0.0.2;branch=z9hG4bKast1',
  'Call-ID: ast-call-1',
  'From: "ghostcall" <sip:ghostcall@10.0.0.2>;tag=ft3',
  'To: <sip:10.0.0.5>;tag=z9hG4bKast1',
  'CSeq: 1 OPTIONS',
  'Accept: application/sdp, application/simple-message-summary, application/dialog-info+xml, application/xpidf+xml, application/cpim-pidf+xml, application/pidf+xml, message/sipfrag;version=2.0',
  'Allow: OPTIONS, REGISTER, SUBSCRIBE, NOTIFY, PUBLISH, INVITE, ACK, BYE, CANCEL, UPDATE, PRACK, INFO, REFER, MESSAGE',
  'Supported: 100rel, timer, replaces, norefersub, histinfo',
  'Accept-Encoding: text/plain',
  'Accept-Language: en',
  'Server: Asterisk PBX 18.10.0',
  'Content-Length:  0',
  '',
]);

export const KAMAILIO = crlf([
  'SIP/2.0 404 Not Here',
  'Via: SIP/2.0/UDP 10.0.0.2:40004;branch=z9hG4bKkam1;rport=40004;received=10.0.0.2',
  'From: "ghostcall" <sip:ghostcall@10.0.0.2:40004>;tag=ft4',
  'To: <sip:10.0.0.6:5060>;tag=b27e1a1d33761e85846fc98f5f3a7e58.48ba',
  'Call-ID: kam-call-1',
  'CSeq: 1 OPTIONS',
  'Server: kamailio (5.6.3 (x86_64/linux))',
  'Content-Length: 0',
  '',
]);

const SIPP_SDP = crlf([
  'v=0',
  'o=user1 53655765 2353687637 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 6000 RTP/AVP 0',
  'a=rtpmap:0 PCMU/8000',
]);

export const SIPP = crlf([
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP 127.0.0.1:40005;branch=z9hG4bKsipp1;rport',
  'From: "ghostcall" <sip:ghostcall@127.0.0.1:40005>;tag=ft5',
  'To: <sip:127.0.0.1:15060>;tag=1SIPpTag011',
  'Call-ID: sipp-call-1',
  'CSeq: 1 INVITE',
  'Contact: <sip:127.0.0.1:15060;transport=UDP>',
  'Content-Type: application/sdp',
  `Content-Length: ${Buffer.byteLength(SIPP_SDP)}`,
  '',
]) + SIPP_SDP;

export const SAMPLES: Sample[] = [
  { name: 'Yealink', text: YEALINK, status: 200, reason: 'OK', userAgent: 'Yealink SIP-T46S 66.86.0.15', server: null,
    allow: ['INVITE', 'INFO', 'PRACK', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'NOTIFY', 'REGISTER', 'SUBSCRIBE', 'REFER', 'PUBLISH', 'UPDATE', 'MESSAGE'], supported: ['replaces'] },
  { name: 'Grandstream', text: GRANDSTREAM, status: 200, reason: 'OK', userAgent: 'Grandstream GXP2170 1.0.11.3', server: null,
    allow: ['INVITE', 'ACK', 'OPTIONS', 'CANCEL', 'BYE', 'SUBSCRIBE', 'NOTIFY', 'INFO', 'REFER', 'UPDATE', 'MESSAGE'], supported: ['replaces', 'path', 'timer', 'eventlist'] },
  { name: 'Asterisk', text: ASTERISK, status: 200, reason: 'OK', userAgent: null, server: 'Asterisk PBX 18.10.0',
    allow: ['OPTIONS', 'REGISTER', 'SUBSCRIBE', 'NOTIFY', 'PUBLISH', 'INVITE', 'ACK', 'BYE', 'CANCEL', 'UPDATE', 'PRACK', 'INFO', 'REFER', 'MESSAGE'],
    supported: ['100rel', 'timer', 'replaces', 'norefersub', 'histinfo'] },
  { name: 'Kamailio', text: KAMAILIO, status: 404, reason: 'Not Here', userAgent: null, server: 'kamailio (5.6.3 (x86_64/linux))', allow: [], supported: [] },
  { name: 'sipp', text: SIPP, status: 200, reason: 'OK', userAgent: null, server: null, allow: [], supported: [] },
];
