package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link in the repository's Markdown points at a file or folder that exists. */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void relativeLinksResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/.git/"))
                    .forEach(markdown -> broken.addAll(brokenLinks(markdown)));
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeGivesTheTwoQuickStartCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme).contains("./run-local.sh").contains("mvn -B verify");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("mvn -B verify");
    }

    private static List<String> brokenLinks(Path markdown) {
        List<String> broken = new ArrayList<>();
        String text;
        try {
            text = Files.readString(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            String target = matcher.group(1);
            if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")
                    || target.startsWith("mailto:")) {
                continue;
            }
            String path = target.split("#", 2)[0];
            if (!Files.exists(markdown.getParent().resolve(path).normalize())) {
                broken.add(ROOT.relativize(markdown) + " -> " + target);
            }
        }
        return broken;
    }
}
