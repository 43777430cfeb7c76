package org.coachroom.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file people may upload (a group's shared files, PD evidence), recognised
 * by their content, never by the name or the type the browser claims: PDF, PNG, JPEG,
 * GIF, Word documents (.docx, and the older binary .doc) and PowerPoint and Excel
 * documents.
 */
public enum FileType {

	PDF("application/pdf", ".pdf"), PNG("image/png", ".png"), JPEG("image/jpeg", ".jpg"), GIF("image/gif", ".gif"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
	/** The binary Word format of Word 97 to 2003, which schools' old plans still use. */
	DOC("application/msword", ".doc"),
	PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

	/**
	 * Office documents a coach shares are a few megabytes unpacked; far more is a zip
	 * bomb.
	 */
	private static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;

	private final String mediaType;

	private final String extension;

	FileType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/**
	 * The name a file of this kind is kept and served under: no path, no characters that
	 * break a header or a file system, not hidden, and ending in this kind's extension.
	 */
	public String safeName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		if (name.isEmpty() || name.startsWith(".")) {
			name = "file" + name;
		}
		return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
	}

	/** The content's SHA-256 in hex, kept with a stored file. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static Optional<FileType> of(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes())) {
			return Optional.of(PDF);
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return Optional.of(PNG);
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, "GIF87a".getBytes()) || startsWith(content, "GIF89a".getBytes())) {
			return Optional.of(GIF);
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return office(content);
		}
		if (startsWith(content, OLE2)) {
			return CompoundFile.holdsStream(content, "WordDocument") ? Optional.of(DOC) : Optional.empty();
		}
		return Optional.empty();
	}

	/**
	 * The first bytes of an OLE2 compound file, the container of binary Word, Excel and
	 * PowerPoint files alike: only its streams say which it is.
	 */
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	/**
	 * An Office Open XML package names its part folder; anything else zipped is not
	 * accepted.
	 */
	private static Optional<FileType> office(byte[] content) {
		boolean contentTypes = false;
		FileType found = null;
		long inflated = 0;
		byte[] buffer = new byte[8192];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > 2000) {
					return Optional.empty();
				}
				// read each entry here, counting, so a zip bomb is stopped instead of
				// inflated whole
				int n;
				while ((n = zip.read(buffer)) > 0) {
					inflated += n;
					if (inflated > MAX_INFLATED_BYTES) {
						return Optional.empty();
					}
				}
				String name = entry.getName();
				if (name.equals("[Content_Types].xml")) {
					contentTypes = true;
				}
				else if (name.startsWith("word/")) {
					found = DOCX;
				}
				else if (name.startsWith("ppt/")) {
					found = PPTX;
				}
				else if (name.startsWith("xl/")) {
					found = XLSX;
				}
			}
		}
		catch (IOException | IllegalArgumentException e) {
			return Optional.empty();
		}
		return contentTypes ? Optional.ofNullable(found) : Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
