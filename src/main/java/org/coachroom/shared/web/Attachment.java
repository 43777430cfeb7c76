package org.coachroom.shared.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file someone shared, answered as a download and never rendered here: with its
 * headers, an uploaded file cannot act as a page of Coachroom (no sniffing, a sandbox,
 * nothing cached).
 */
public final class Attachment {

	private Attachment() {
	}

	public static ResponseEntity<byte[]> of(String fileName, String contentType, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

}
