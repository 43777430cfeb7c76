package org.coachroom.pd.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A completion certificate as a one-page PDF (A4 landscape), written directly: Helvetica with
 * WinAnsi encoding covers the Latin names districts have; any other character prints as '?'. Small
 * enough not to need a PDF library.
 */
public final class CertificatePdf {

	private static final Charset WIN_ANSI = Charset.forName("windows-1252");

	/** One line of text: size in points, whether bold, centred at the page's middle. */
	record Line(String text, int size, boolean bold, int y) {
	}

	private CertificatePdf() {
	}

	static byte[] render(List<Line> lines) {
		StringBuilder content = new StringBuilder();
		// a thin frame inside the page's edge
		content.append("0.2 0.35 0.6 RG 2 w 36 36 770 523 re S\n");
		for (Line line : lines) {
			String font = line.bold() ? "/F2" : "/F1";
			// Helvetica's mixed-case text averages about 0.44 em a character (bold 0.47): centre on that estimate
			double width = line.text().length() * line.size() * (line.bold() ? 0.47 : 0.435);
			double x = Math.max(48, (842 - width) / 2);
			content.append("BT ").append(font).append(' ').append(line.size()).append(" Tf 0 0 0 rg ")
				.append(String.format(java.util.Locale.ROOT, "%.1f", x)).append(' ').append(line.y()).append(" Td (")
				.append(escape(line.text())).append(") Tj ET\n");
		}
		byte[] stream = content.toString().getBytes(WIN_ANSI);
		List<byte[]> objects = new ArrayList<>();
		objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
		objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
		objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
				+ "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"));
		ByteArrayOutputStream contentObject = new ByteArrayOutputStream();
		contentObject.writeBytes(ascii("<< /Length " + stream.length + " >>\nstream\n"));
		contentObject.writeBytes(stream);
		contentObject.writeBytes(ascii("\nendstream"));
		objects.add(contentObject.toByteArray());
		objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
		objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));

		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		pdf.writeBytes(ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.size());
			pdf.writeBytes(ascii((i + 1) + " 0 obj\n"));
			pdf.writeBytes(objects.get(i));
			pdf.writeBytes(ascii("\nendobj\n"));
		}
		int xref = pdf.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (int offset : offsets) {
			table.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
		}
		table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
			.append("\n%%EOF\n");
		pdf.writeBytes(ascii(table.toString()));
		return pdf.toByteArray();
	}

	/** PDF string escapes, and characters WinAnsi lacks (or controls) as '?'. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder();
		var encoder = WIN_ANSI.newEncoder();
		for (char c : text.toCharArray()) {
			if (c == '(' || c == ')' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 32 || !encoder.canEncode(c)) {
				out.append('?');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}
}
