package org.coachroom.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small HTTP/1.1 client for one benchmark user: one kept-alive connection, as a browser
 * keeps one to a site. The launch benchmark shares two cores with the app it measures, so
 * its client must cost little; the JDK's HttpClient spends more CPU per request than the
 * app's lighter pages.
 */
final class MiniHttp implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 30_000;

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	MiniHttp(URI base) {
		this.host = base.getHost();
		this.port = base.getPort() < 0 ? 80 : base.getPort();
		if (!"http".equals(base.getScheme())) {
			throw new IllegalArgumentException(
					"The benchmark speaks plain http to a local app, not " + base.getScheme());
		}
	}

	record Response(int status, List<String> setCookies, String location, String body) {
	}

	Response get(String pathAndQuery, String cookie) throws IOException {
		return exchange("GET", pathAndQuery, cookie, null);
	}

	Response postForm(String pathAndQuery, String cookie, String form) throws IOException {
		return exchange("POST", pathAndQuery, cookie, form.getBytes(StandardCharsets.US_ASCII));
	}

	private Response exchange(String method, String path, String cookie, byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(host).append(':').append(port).append("\r\n");
		head.append("User-Agent: coachroom-launch-benchmark\r\n");
		if (cookie != null && !cookie.isEmpty()) {
			head.append("Cookie: ").append(cookie).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/x-www-form-urlencoded\r\n");
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		boolean fresh = socket == null;
		try {
			return send(head, body);
		}
		catch (IOException stale) {
			close();
			if (fresh) {
				throw stale;
			}
			// the server closed a kept-alive connection between requests: one more try on
			// a new one
			return send(head, body);
		}
	}

	private Response send(StringBuilder head, byte[] body) throws IOException {
		if (socket == null) {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(host, port), 5_000);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
			out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
		}
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		if (body != null) {
			out.write(body);
		}
		out.flush();
		String statusLine = line();
		if (statusLine == null) {
			throw new IOException("Connection closed before an answer");
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		List<String> setCookies = new ArrayList<>(2);
		String location = null;
		int length = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		String header;
		while ((header = line()) != null && !header.isEmpty()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "set-cookie" -> setCookies.add(value);
				case "location" -> location = value;
				case "content-length" -> length = Integer.parseInt(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closeAfter = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] content;
		if (chunked) {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			int size;
			while ((size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) > 0) {
				all.write(in.readNBytes(size));
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
			content = all.toByteArray();
		}
		else if (length >= 0) {
			content = in.readNBytes(length);
		}
		else {
			content = in.readAllBytes();
			closeAfter = true;
		}
		if (closeAfter) {
			close();
		}
		return new Response(status, setCookies, location, new String(content, StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		int c;
		while ((c = in.read()) != -1) {
			if (c == '\n') {
				int end = line.length();
				return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) c);
		}
		return line.isEmpty() ? null : line.toString();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			socket = null;
		}
	}

}
