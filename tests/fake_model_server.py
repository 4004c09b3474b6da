"""A stand-in for `python -m llama_cpp.server` in server lifecycle tests: answers /v1/models on a port."""

import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/v1/models" else 404)
        self.send_header("content-length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


if __name__ == "__main__":
    if sys.argv[2:] == ["crash"]:
        print("error: failed to load model", flush=True)
        sys.exit(3)
    if sys.argv[2:] == ["busy"]:  # uvicorn's graceful shutdown: SIGTERM waits for the generation in flight
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
