"""A small local stand-in for the BSrE Esign Client Service, following its contract:

POST /api/sign/pdf (multipart: file, nik, passphrase, tampilan, ...) → 200 {"id_dokumen": ...}
or 401 {"error": "Passphrase salah"}; GET /api/sign/download/<id> → the signed PDF.
It signs with the local PAdES backend and the signer's PKCS#12, as the real service would with
the signer's BSrE certificate.
"""

import email.parser
import email.policy
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

from dukcapil.tte.backends import LocalPadesBackend, PassphraseSalah, SignRequest


class ContractServer:
    def __init__(self, p12_by_nik: dict[str, str]):
        self.p12_by_nik = p12_by_nik
        self.signed: dict[str, bytes] = {}
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _json(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):  # noqa: N802
                if self.path != "/api/sign/pdf":
                    return self._json(404, {"error": "not found"})
                length = int(self.headers["Content-Length"])
                raw = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + self.rfile.read(length)
                message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
                parts = {
                    p.get_param("name", header="content-disposition"): p.get_payload(decode=True)
                    for p in message.iter_parts()
                }
                fields = {k: v.decode() for k, v in parts.items() if k != "file"}
                server.requests.append(fields)
                p12 = server.p12_by_nik.get(fields.get("nik", ""))
                if p12 is None:
                    return self._json(400, {"error": "NIK tidak terdaftar"})
                try:
                    session = LocalPadesBackend().open_session(
                        certificate=SimpleNamespace(p12_path=p12), passphrase=fields.get("passphrase", "")
                    )
                except PassphraseSalah:
                    return self._json(401, {"error": "Passphrase salah"})
                document_id = uuid.uuid4().hex
                server.signed[document_id] = session.sign(SignRequest(parts["file"], "TTE", "BSrE"))
                return self._json(200, {"id_dokumen": document_id})

            def do_GET(self):  # noqa: N802
                document_id = self.path.rsplit("/", 1)[-1]
                pdf = server.signed.get(document_id)
                if not self.path.startswith("/api/sign/download/") or pdf is None:
                    return self._json(404, {"error": "dokumen tidak ada"})
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(len(pdf)))
                self.end_headers()
                self.wfile.write(pdf)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
