package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message templates, one Mustache file per trigger, channel and locale:
 * {@code <trigger>.<sms|email>.<locale>.mustache} (e.g. {@code transaction.sms.zh-CN.mustache}). The
 * built-in ones are on the classpath under {@code notification-templates/}; a file of the same name in
 * the operator's directory ({@code loyalty.notification.templates}) replaces it, read again whenever it
 * changes. A template missing in the wanted locale is taken in zh-CN. An email template's first line
 * is the subject, the rest (after one blank line) the body. Values are inserted as they are (text, not
 * HTML), and a missing one is an error, never a silent blank.
 */
public class MessageTemplates {

    static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("zh-CN");
    private static final String CLASSPATH = "notification-templates/";

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true).strictSections(false);
    private final Path directory;
    private final Map<String, Template> builtIn = new ConcurrentHashMap<>();
    private final Map<Path, Loaded> edited = new ConcurrentHashMap<>();

    public MessageTemplates(Path directory) {
        this.directory = directory;
    }

    /** The rendered message: the subject is null for an SMS. */
    public record Rendered(String subject, String text) {}

    public Rendered render(String trigger, Channel channel, Locale locale, Map<String, Object> variables) {
        Template template = find(trigger, channel, locale)
                .or(() -> find(trigger, channel, DEFAULT_LOCALE))
                .orElseThrow(() -> new IllegalStateException(
                        "no " + channel + " template for " + trigger + " (" + fileName(trigger, channel, locale) + ")"));
        String text = template.execute(new LinkedHashMap<>(variables)).strip();
        if (channel == Channel.SMS) {
            return new Rendered(null, text);
        }
        int end = text.indexOf('\n');
        if (end < 0) {
            return new Rendered(text, "");
        }
        return new Rendered(text.substring(0, end).strip(), text.substring(end + 1).strip());
    }

    /** Whether a template exists in exactly this locale (no fallback): for the operator's checks and tests. */
    public boolean has(String trigger, Channel channel, Locale locale) {
        return find(trigger, channel, locale).isPresent();
    }

    static String fileName(String trigger, Channel channel, Locale locale) {
        return trigger + "." + channel.name().toLowerCase(Locale.ROOT) + "." + locale.toLanguageTag() + ".mustache";
    }

    private Optional<Template> find(String trigger, Channel channel, Locale locale) {
        String name = fileName(trigger, channel, locale);
        if (directory != null) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(fromDirectory(file));
            }
        }
        Template cached = builtIn.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(CLASSPATH + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Template template = compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            builtIn.put(name, template);
            return Optional.of(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Template fromDirectory(Path file) {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            Loaded loaded = edited.get(file);
            if (loaded == null || loaded.modified() != modified) {
                loaded = new Loaded(modified, compiler.compile(Files.readString(file, StandardCharsets.UTF_8)));
                edited.put(file, loaded);
            }
            return loaded.template();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Loaded(long modified, Template template) {}
}
