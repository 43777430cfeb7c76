package org.coachroom.coaching.report;

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
 * The staff report as a PDF (A4 portrait), written with Apache PDFBox in the Noto Sans
 * fonts pd's certificates embed (src/main/resources/fonts), so a teacher's story prints
 * as they wrote it: Noto Sans SC where Noto Sans has no glyph, '?' where neither has.
 * Paragraphs wrap at the margin; a report that outgrows one page goes on to the next.
 */
final class ReportPdf {

	private static final PDRectangle PAGE = PDRectangle.A4;

	private static final float MARGIN = 50;

	private static final float WIDEST = PAGE.getWidth() - 2 * MARGIN;

	private static final byte[] REGULAR = font("NotoSans-Regular.ttf");

	private static final byte[] BOLD = font("NotoSans-Bold.ttf");

	private static final byte[] CJK = font("NotoSansSC-Regular.ttf");

	/** A paragraph: a title, a heading or text. */
	record Block(String text, float size, boolean bold, float spaceBefore) {

		static Block title(String text) {
			return new Block(text, 16, true, 0);
		}

		static Block heading(String text) {
			return new Block(text, 11.5f, true, 10);
		}

		static Block text(String text) {
			return new Block(text, 10, false, 2);
		}

	}

	private ReportPdf() {
	}

	static byte[] render(String title, List<Block> blocks) {
		try (PDDocument document = new PDDocument()) {
			Writer writer = new Writer(document);
			for (Block block : blocks) {
				writer.write(block);
			}
			writer.close();
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

	/** Writes blocks down the page, line by line, starting a page when one is full. */
	private static final class Writer {

		private final PDDocument document;

		private final PDType0Font regular;

		private final PDType0Font bold;

		private PDType0Font cjk;

		private PDPageContentStream out;

		private float y;

		Writer(PDDocument document) throws IOException {
			this.document = document;
			regular = load(document, REGULAR);
			bold = load(document, BOLD);
		}

		/** Noto Sans SC, embedded only when a character needs it. */
		private PDType0Font cjk() throws IOException {
			if (cjk == null) {
				cjk = load(document, CJK);
			}
			return cjk;
		}

		void write(Block block) throws IOException {
			float leading = block.size() * 1.35f;
			y -= block.spaceBefore();
			for (String paragraph : clean(block.text()).split("\n", -1)) {
				for (String line : wrap(paragraph, block)) {
					if (out == null || y - leading < MARGIN) {
						newPage();
					}
					y -= leading;
					out.beginText();
					out.newLineAtOffset(MARGIN, y);
					for (Run run : runs(line, block.bold())) {
						out.setFont(run.font(), block.size());
						out.showText(run.text());
					}
					out.endText();
				}
			}
		}

		void close() throws IOException {
			if (out == null) {
				newPage();
			}
			out.close();
		}

		private void newPage() throws IOException {
			if (out != null) {
				out.close();
			}
			PDPage page = new PDPage(PAGE);
			document.addPage(page);
			out = new PDPageContentStream(document, page);
			out.setNonStrokingColor(0f, 0f, 0f);
			y = PAGE.getHeight() - MARGIN;
		}

		/**
		 * The paragraph cut into lines that fit, at spaces, or anywhere in a long word.
		 */
		private List<String> wrap(String paragraph, Block block) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : paragraph.split(" ", -1)) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(candidate, block) <= WIDEST) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				for (int cp : word.codePoints().toArray()) {
					String ch = new String(Character.toChars(cp));
					if (width(line + ch, block) > WIDEST && !line.isEmpty()) {
						lines.add(line.toString());
						line.setLength(0);
					}
					line.append(ch);
				}
			}
			lines.add(line.toString());
			return lines;
		}

		private float width(String text, Block block) throws IOException {
			float width = 0;
			for (Run run : runs(text, block.bold())) {
				width += run.font().getStringWidth(run.text()) / 1000 * block.size();
			}
			return width;
		}

		/** The text cut into runs of one font each. */
		private List<Run> runs(String text, boolean strong) throws IOException {
			List<Run> runs = new ArrayList<>();
			PDFont current = null;
			StringBuilder pending = new StringBuilder();
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				String ch = new String(Character.toChars(cp));
				PDFont font = strong ? bold : regular;
				if (!has(font, ch)) {
					font = has(cjk(), ch) ? cjk() : font;
					ch = has(font, ch) ? ch : "?";
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

	}

	private record Run(PDFont font, String text) {
	}

	/** NFC, line breaks as \n, tabs as spaces, other controls as '?'. */
	private static String clean(String text) {
		String normal = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
			.replace("\r\n", "\n")
			.replace('\r', '\n')
			.replace('\t', ' ');
		StringBuilder clean = new StringBuilder();
		normal.codePoints()
			.forEach(cp -> clean
				.append(cp != '\n' && Character.isISOControl(cp) ? "?" : new String(Character.toChars(cp))));
		return clean.toString();
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

	private static PDType0Font load(PDDocument document, byte[] font) throws IOException {
		return PDType0Font.load(document, new ByteArrayInputStream(font), true);
	}

	private static byte[] font(String name) {
		try (InputStream in = new ClassPathResource("fonts/" + name).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The report font " + name + " is missing from the jar", e);
		}
	}

}
