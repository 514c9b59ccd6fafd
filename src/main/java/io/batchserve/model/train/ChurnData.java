package io.batchserve.model.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic telecom customer base behind the churn model. Every customer has the 20 features
 * below; the churn label comes from a documented logistic mechanism plus noise, so that a model can
 * learn it but not perfectly.
 *
 * <p>Mechanism (log-odds of leaving within the next month): -3.0; +0.35 per customer-service call
 * and +1.0 more from the fourth; +0.6 with an international plan, +1.6 more when it is used for
 * over 12 minutes a month; +0.018 per day minute over 180 and +1.2 more over 250; +0.006 per
 * evening minute over 200; -0.7 with a voice-mail plan; +0.45 per late payment in the last year;
 * -1.1 on a one-year and -2.0 on a two-year contract; -0.004 per day of tenure over 100; and
 * Gaussian noise with a standard deviation of 0.5. About 1 % of {@code total_intl_calls} and {@code
 * data_gb} values are missing (empty in CSV).
 */
public final class ChurnData {
  /** A feature's name and meaning, in the model's column order. */
  public record Feature(String name, String description) {}

  /** One generated customer. {@code NaN} marks a missing feature value. */
  public record Customer(String id, double[] features, boolean churned) {}

  public static final List<Feature> FEATURES =
      List.of(
          new Feature("account_length", "days since the account was opened"),
          new Feature("international_plan", "1 if the customer has an international plan, else 0"),
          new Feature("voice_mail_plan", "1 if the customer has a voice-mail plan, else 0"),
          new Feature("number_vmail_messages", "voice-mail messages last month"),
          new Feature("total_day_minutes", "daytime minutes last month"),
          new Feature("total_day_calls", "daytime calls last month"),
          new Feature("total_day_charge", "daytime charge last month, USD"),
          new Feature("total_eve_minutes", "evening minutes last month"),
          new Feature("total_eve_calls", "evening calls last month"),
          new Feature("total_eve_charge", "evening charge last month, USD"),
          new Feature("total_night_minutes", "night minutes last month"),
          new Feature("total_night_calls", "night calls last month"),
          new Feature("total_night_charge", "night charge last month, USD"),
          new Feature("total_intl_minutes", "international minutes last month"),
          new Feature("total_intl_calls", "international calls last month (may be missing)"),
          new Feature("total_intl_charge", "international charge last month, USD"),
          new Feature("customer_service_calls", "calls to customer service last month"),
          new Feature("contract_type", "0 month-to-month, 1 one-year, 2 two-year"),
          new Feature("late_payments", "late payments in the last 12 months"),
          new Feature("data_gb", "mobile data used last month, GB (may be missing)"));

  private ChurnData() {}

  public static List<String> featureNames() {
    return FEATURES.stream().map(Feature::name).toList();
  }

  /**
   * {@code count} customers with ids {@code C0000001...}, the same for the same seed on every
   * machine.
   */
  public static List<Customer> generate(int count, long seed) {
    Draws draws = new Draws(seed);
    List<Customer> customers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      customers.add(customer(String.format("C%07d", i + 1), draws));
    }
    return customers;
  }

  private static Customer customer(String id, Draws d) {
    double tenure = StrictMath.floor(d.uniform(1, 243));
    boolean intl = d.bernoulli(0.10);
    boolean vmail = d.bernoulli(0.27);
    double vmailMessages = vmail ? StrictMath.max(0, StrictMath.rint(d.normal(29, 8))) : 0;
    double dayMin = Draws.round(clip(d.normal(180, 54)), 1);
    double eveMin = Draws.round(clip(d.normal(200, 50)), 1);
    double nightMin = Draws.round(clip(d.normal(200, 50)), 1);
    double intlMin = Draws.round(clip(d.normal(10, 2.8)), 1);
    double intlCalls = d.poisson(4.5);
    double serviceCalls = d.poisson(1.5);
    int contract = d.choice(0.55, 0.25, 0.20);
    double late = d.poisson(0.5);
    double data = Draws.round(clip(d.normal(5, 3)), 2);
    double[] f = {
      tenure,
      intl ? 1 : 0,
      vmail ? 1 : 0,
      vmailMessages,
      dayMin,
      calls(d),
      Draws.round(dayMin * 0.17, 2),
      eveMin,
      calls(d),
      Draws.round(eveMin * 0.085, 2),
      nightMin,
      calls(d),
      Draws.round(nightMin * 0.045, 2),
      intlMin,
      d.bernoulli(0.01) ? Double.NaN : intlCalls,
      Draws.round(intlMin * 0.27, 2),
      serviceCalls,
      contract,
      late,
      d.bernoulli(0.01) ? Double.NaN : data
    };
    double z =
        logOdds(tenure, intl, vmail, dayMin, eveMin, intlMin, serviceCalls, contract, late)
            + d.normal(0, 0.5);
    return new Customer(id, f, d.bernoulli(Draws.sigmoid(z)));
  }

  private static double logOdds(
      double tenure,
      boolean intl,
      boolean vmail,
      double dayMin,
      double eveMin,
      double intlMin,
      double serviceCalls,
      int contract,
      double late) {
    double z = -3.0 + 0.35 * serviceCalls + (serviceCalls >= 4 ? 1.0 : 0);
    z += intl ? 0.6 + (intlMin > 12 ? 1.6 : 0) : 0;
    z += 0.018 * (dayMin - 180) + (dayMin > 250 ? 1.2 : 0) + 0.006 * (eveMin - 200);
    z += (vmail ? -0.7 : 0) + 0.45 * late;
    z += contract == 1 ? -1.1 : contract == 2 ? -2.0 : 0;
    return z - 0.004 * (tenure - 100);
  }

  private static double calls(Draws d) {
    return StrictMath.max(0, StrictMath.rint(d.normal(100, 20)));
  }

  private static double clip(double value) {
    return StrictMath.max(0, value);
  }
}
