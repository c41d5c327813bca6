package io.jiangxin.server;

import io.jiangxin.registry.Draw;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Re-runs a draw of lots offline from its published seed, without a database: prints each entrant's value and,
 * given the registration ids, the digest the server published.
 */
@Command(name = "draw-verify", mixinStandardHelpOptions = true,
        description = {"按公布的种子重新抽签 / recompute a draw of lots from its published seed",
                "Entrant k is the k-th registration by ascending id; with --ids the digest is printed too."})
final class DrawVerifyCommand extends ConsoleCommand {

    @Option(names = "--seed", required = true, paramLabel = "SEED", description = "the draw's published seed")
    String seed;

    @Option(names = "--entries", paramLabel = "N", description = "how many entrants (default: the number of --ids)")
    Integer entries;

    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "the entrants' registration ids")
    List<Long> ids;

    @Option(names = "--prefix", paramLabel = "P", description = "entry-code prefix of an ENTRY_CODES draw")
    String prefix;

    @Option(names = "--stations", split = ",", paramLabel = "STATION",
            description = "the stations of a STATIONS draw, in the published order")
    List<String> stations;

    @Override
    public Integer call() {
        List<Long> entrants = new ArrayList<>();
        if (ids != null) {
            entrants.addAll(ids);
        } else if (entries != null && entries > 0) {
            for (long k = 1; k <= entries; k++) {
                entrants.add(k);
            }
        } else {
            throw new ParameterException(spec.commandLine(), "give --entries N or --ids");
        }
        if (ids != null && entries != null && entries != ids.size()) {
            throw new ParameterException(spec.commandLine(), "--entries differs from the number of --ids");
        }
        Draw.Result result;
        try {
            result = stations != null ? Draw.stations(seed, entrants, stations)
                    : Draw.entryCodes(seed, entrants, prefix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.printf("algorithm: %s%nseed: %s%nentrants: %d%n", Draw.ALGORITHM, seed, entrants.size());
        int position = 1;
        for (Map.Entry<Long, String> entry : result.assignment().entrySet()) {
            out.printf("%d\t%s\t%s%n", position++, ids == null ? "-" : entry.getKey().toString(), entry.getValue());
        }
        if (ids != null) {
            out.printf("digest: %s%n", result.digest());
        }
        out.flush();
        return 0;
    }
}
