"""The application folder (Antragsmappe): the periods that decide whether an application still
pays every month and until when a decision can be challenged (issue 20).

- :mod:`~workbench.rules.antragsmappe.feiertage`: the public holidays in NRW, for periods that
  end on a working day;
- :mod:`~workbench.rules.antragsmappe.fristen`: the periods themselves (§§ 187–193 BGB, § 7 BEEG,
  § 70 EStG, § 4 UVG, § 6a BKGG, § 25 WoGG, § 37 SGB X, § 84 SGG, § 355 AO, §§ 70, 74 VwGO).
"""
