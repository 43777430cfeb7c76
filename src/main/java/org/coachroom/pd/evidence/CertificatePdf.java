package org.coachroom.pd.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * A completion certificate as a one-page PDF (A4 landscape), written with Apache PDFBox
 * in Noto Sans, embedded as subsets (src/main/resources/fonts): Latin with Vietnamese,
 * Greek and Cyrillic, and Chinese from Noto Sans SC wherever Noto Sans has no glyph.
 * Lines are centred on their measured width.
 */
final class CertificatePdf {

	private static final PDRectangle PAGE = new PDRectangle(842, 595);

	/** The widest a line may be: inside the frame, with a margin. */
	private static final float WIDEST = 842 - 2 * 60;

	private static final byte[] REGULAR = font("NotoSans-Regular.ttf");

	private static final byte[] BOLD = font("NotoSans-Bold.ttf");

	private static final byte[] CJK = font("NotoSansSC-Regular.ttf");

	/**
	 * One line of text: size in points, whether bold, centred at the page's middle at
	 * height {@code y}.
	 */
	record Line(String text, float size, boolean bold, float y) {
	}

	private CertificatePdf() {
	}

	/**
	 * The page with its lines, a frame, and a line to sign on at {@code signatureY} (none
	 * if 0), captioned.
	 */
	static byte[] render(String title, List<Line> lines, float signatureY, String signatureCaption) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PAGE);
			document.addPage(page);
			Fonts fonts = new Fonts(document);
			try (PDPageContentStream out = new PDPageContentStream(document, page)) {
				// a thin frame inside the page's edge
				out.setStrokingColor(0.2f, 0.35f, 0.6f);
				out.setLineWidth(2);
				out.addRect(36, 36, 770, 523);
				out.stroke();
				for (Line line : lines) {
					write(out, fonts, line);
				}
				if (signatureY > 0) {
					out.setStrokingColor(0f, 0f, 0f);
					out.setLineWidth(0.75f);
					out.moveTo(301, signatureY);
					out.lineTo(541, signatureY);
					out.stroke();
					write(out, fonts, new Line(signatureCaption, 10, false, signatureY - 14));
				}
			}
			document.getDocumentInformation().setTitle(title);
			document.getDocumentInformation().setCreator("Coachroom");
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			document.save(pdf);
			return pdf.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(PDPageContentStream out, Fonts fonts, Line line) throws IOException {
		List<Run> runs = fonts.runs(line.text(), line.bold());
		float width = 0;
		for (Run run : runs) {
			width += run.font().getStringWidth(run.text()) / 1000 * line.size();
		}
		// a long program title is made smaller until it fits, never cut
		float size = width > WIDEST ? line.size() * WIDEST / width : line.size();
		width = Math.min(width, WIDEST);
		out.beginText();
		out.setNonStrokingColor(0f, 0f, 0f);
		out.newLineAtOffset((PAGE.getWidth() - width) / 2, line.y());
		for (Run run : runs) {
			out.setFont(run.font(), size);
			out.showText(run.text());
		}
		out.endText();
	}

	/** Text in one font. */
	private record Run(PDFont font, String text) {
	}

	/**
	 * The document's fonts, loaded once each (and so embedded once each, as subsets of
	 * what it uses).
	 */
	private static final class Fonts {

		private final PDDocument document;

		private PDType0Font regular;

		private PDType0Font bold;

		private PDType0Font cjk;

		Fonts(PDDocument document) {
			this.document = document;
		}

		/**
		 * The text cut into runs of one font each: Noto Sans where it has the character,
		 * Noto Sans SC where only it has it, and '?' for what neither has (and for
		 * controls).
		 */
		List<Run> runs(String text, boolean strong) throws IOException {
			String clean = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
			List<Run> runs = new ArrayList<>();
			PDFont current = null;
			StringBuilder pending = new StringBuilder();
			for (int i = 0; i < clean.length();) {
				int cp = clean.codePointAt(i);
				i += Character.charCount(cp);
				String ch = cp < 32 || Character.isISOControl(cp) ? "?" : new String(Character.toChars(cp));
				PDFont font = strong ? bold() : regular();
				if (!has(font, ch)) {
					font = has(cjk(), ch) ? cjk() : font;
					ch = font == cjk() || has(font, ch) ? ch : "?";
				}
				if (font != current && !pending.isEmpty()) {
					runs.add(new Run(current, pending.toString()));
					pending.setLength(0);
				}
				current = font;
				pending.append(ch);
			}
			if (!pending.isEmpty()) {
				runs.add(new Run(current, pending.toString()));
			}
			return runs;
		}

		private static boolean has(PDFont font, String ch) {
			try {
				font.encode(ch);
				return true;
			}
			catch (IllegalArgumentException | IOException e) {
				return false;
			}
		}

		private PDType0Font regular() throws IOException {
			if (regular == null) {
				regular = load(REGULAR);
			}
			return regular;
		}

		private PDType0Font bold() throws IOException {
			if (bold == null) {
				bold = load(BOLD);
			}
			return bold;
		}

		private PDType0Font cjk() throws IOException {
			if (cjk == null) {
				cjk = load(CJK);
			}
			return cjk;
		}

		private PDType0Font load(byte[] font) throws IOException {
			return PDType0Font.load(document, new ByteArrayInputStream(font), true);
		}

	}

	private static byte[] font(String name) {
		try (InputStream in = new ClassPathResource("fonts/" + name).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The certificate font " + name + " is missing from the jar", e);
		}
	}

}
