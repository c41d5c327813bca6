package io.jiangxin.server;

import io.jiangxin.fixtures.Season;
import io.jiangxin.fixtures.Season.ContestRow;
import io.jiangxin.fixtures.Season.EntryRow;
import io.jiangxin.fixtures.Season.EventRow;
import io.jiangxin.fixtures.Season.PersonRow;
import io.jiangxin.fixtures.SeedScaleSeason;
import io.jiangxin.importing.RegistrationSheet.Column;
import io.jiangxin.registry.SkillGrade;
import io.jiangxin.storage.SeasonLoader;
import io.vertx.sqlclient.Tuple;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the seed-scale season's 98,000 entries as one contest's registration sheet, for the import benchmark,
 * and with {@code --prepare} stores what the sheet refers to: the 1,136 enterprises and a contest with the 393
 * events (no people and no registrations, so that the import adds them).
 */
@Command(name = "import-sample", mixinStandardHelpOptions = true,
        description = "生成 98,000 行报名表用于导入基准 / write a 98,000-row registration sheet for the import benchmark")
final class ImportSampleCommand extends DatabaseCommand {

    static final String CONTEST = "2023年潍坊市职工创新创效竞赛（导入基准）";
    static final String ORGANIZER = "潍坊市总工会";

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|FILE.xlsx", description = "the sheet to write")
    Path out;

    @Option(names = "--seed", defaultValue = "2023", description = "random seed of the generated season")
    long seed;

    @Option(names = "--prepare", description = "also store the enterprises and the contest with its events, and "
            + "print the contest's id")
    boolean prepare;

    @Override
    public Integer call() throws Exception {
        var console = spec.commandLine().getOut();
        Season season = SeedScaleSeason.generate(seed);
        // Event names repeat across the season's contests; in the one benchmark contest they are numbered.
        Map<String, String> eventNames = new LinkedHashMap<>();
        for (ContestRow contest : season.contests()) {
            for (EventRow event : contest.events()) {
                eventNames.put(contest.name() + "/" + event.name(),
                        String.format("%03d %s", eventNames.size() + 1, event.name()));
            }
        }
        Map<String, PersonRow> people = new HashMap<>();
        season.people().forEach(p -> people.put(p.organization() + "/" + p.employeeNo(), p));
        List<String[]> rows = new ArrayList<>(season.entries().size());
        for (EntryRow entry : season.entries()) {
            PersonRow person = people.get(entry.organization() + "/" + entry.employeeNo());
            rows.add(new String[] {eventNames.get(entry.contest() + "/" + entry.event()), entry.organization(),
                    entry.employeeNo(), person.name(), person.idNumber(), person.trade(),
                    SkillGrade.valueOf(person.skillGrade()).label()});
        }
        String[] header = Arrays.stream(Column.values())
                .map(c -> c.required() ? c.header() + "*" : c.header()).toArray(String[]::new);
        if (out.getFileName().toString().endsWith(".xlsx")) {
            try (OutputStream stream = Files.newOutputStream(out)) {
                Workbook workbook = new Workbook(stream, "Jiangxin", "1.0");
                Worksheet sheet = workbook.newWorksheet("报名表");
                write(sheet, 0, header);
                for (int r = 0; r < rows.size(); r++) {
                    write(sheet, r + 1, rows.get(r));
                    if (r % 10_000 == 0) {
                        sheet.flush();
                    }
                }
                workbook.finish();
            }
        } else {
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
                printer.printRecord((Object[]) header);
                for (String[] row : rows) {
                    printer.printRecord((Object[]) row);
                }
            }
        }
        console.printf("wrote %d rows to %s (%d bytes)%n", rows.size(), out, Files.size(out));
        if (prepare) {
            List<EventRow> events = eventNames.values().stream().map(name -> new EventRow(name, null, null)).toList();
            Season target = new Season(season.organizations(), List.of(), List.of(new ContestRow(CONTEST, "INNOVATION",
                    "CITY", "FIRST", 2023, ORGANIZER, events)), List.of(), List.of(), List.of());
            try (DatabaseOptions.Opened opened = database.open(true)) {
                JiangxinNode.await(new SeasonLoader(opened.pool).load(target));
                long id = JiangxinNode.await(opened.pool.preparedQuery("select id from contest where organizer = $1"
                        + " and name = $2 and year = 2023").execute(Tuple.of(ORGANIZER, CONTEST)))
                        .iterator().next().getLong("id");
                console.printf("contest %d: %s, %d events, %d enterprises%n", id, CONTEST, events.size(),
                        season.organizations().size());
            }
        }
        return 0;
    }

    private static void write(Worksheet sheet, int row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            sheet.value(row, c, values[c]);
        }
    }
}
