/**
 * The seeded machine groups, as plain data: what each pool finances, what it cost, how it earns (the revenue
 * assumptions are in world.ts's header and economics.ts), and the few that are impaired or down for maintenance.
 */
export type GpuEconomics = { kind: 'gpu'; pricePerGpuHour: number; operatingCostShare: number };
export type RobotEconomics = { kind: 'robot'; monthlyRentPerRobot: number; maintenanceShare: number };

export type AssetSpec = {
  pool: string;
  model: string;
  units: number;
  location: string;
  /** Principal financed per unit, in USDC. */
  unitCostUsdc: number;
  economics: GpuEconomics | RobotEconomics;
  baseUtilization: number;
  /** Day (from the start of history) the capital is deployed and the machines go live. */
  liveDay: number;
  /** Share of deployed principal repaid every 30 days. */
  monthlyRepayment: number;
  /** A special fate: impaired (with a write-down) or down for maintenance for a while. */
  event?:
    | {
        kind: 'impaired';
        day: number;
        /** Expected loss, as a share of what is outstanding: provisioned on `day`, written off later. */
        writeDownShare: number;
        writeDownAfterDays: number;
        /** Share of the written-off principal that comes back (the machines sold), and when. */
        recoveryShare: number;
        recoveryAfterDays: number;
      }
    | { kind: 'maintenance'; day: number; days: number };
};

const gpu = (price: number, opex: number): GpuEconomics => ({
  kind: 'gpu',
  pricePerGpuHour: price,
  operatingCostShare: opex,
});
const robot = (rent: number, maint: number): RobotEconomics => ({
  kind: 'robot',
  monthlyRentPerRobot: rent,
  maintenanceShare: maint,
});

export const ASSETS: readonly AssetSpec[] = [
  // Ashburn H100 Cluster · Round 1: five H100/H200 pods in two Virginia data halls.
  {
    pool: 'ash1',
    model: 'NVIDIA H100 SXM5 80GB (8-GPU HGX)',
    units: 64,
    location: 'Ashburn, VA · DC2 hall B',
    unitCostUsdc: 27_500,
    economics: gpu(1.85, 0.46),
    baseUtilization: 0.86,
    liveDay: 16,
    monthlyRepayment: 0.025,
  },
  {
    pool: 'ash1',
    model: 'NVIDIA H100 SXM5 80GB (8-GPU HGX)',
    units: 32,
    location: 'Ashburn, VA · DC2 hall B',
    unitCostUsdc: 27_500,
    economics: gpu(1.85, 0.46),
    baseUtilization: 0.79,
    liveDay: 18,
    monthlyRepayment: 0.025,
  },
  {
    pool: 'ash1',
    model: 'NVIDIA H100 PCIe 80GB',
    units: 48,
    location: 'Ashburn, VA · DC4 hall A',
    unitCostUsdc: 21_000,
    economics: gpu(1.45, 0.44),
    baseUtilization: 0.71,
    liveDay: 21,
    monthlyRepayment: 0.03,
  },
  {
    pool: 'ash1',
    model: 'NVIDIA H200 SXM 141GB (8-GPU HGX)',
    units: 16,
    location: 'Ashburn, VA · DC4 hall A',
    unitCostUsdc: 33_000,
    economics: gpu(2.6, 0.47),
    baseUtilization: 0.9,
    liveDay: 35,
    monthlyRepayment: 0.02,
    event: { kind: 'maintenance', day: 120, days: 9 },
  },
  {
    pool: 'ash1',
    model: 'NVIDIA A100 SXM4 80GB',
    units: 40,
    location: 'Sterling, VA',
    unitCostUsdc: 9_500,
    economics: gpu(0.95, 0.42),
    baseUtilization: 0.66,
    liveDay: 24,
    monthlyRepayment: 0.035,
  },
  // Rotterdam AMR Fleet · Series A: autonomous mobile robots leased to port-side warehouses.
  {
    pool: 'rot-a',
    model: 'Autonomous mobile robot, 600 kg payload',
    units: 40,
    location: 'Rotterdam, Maasvlakte DC 3',
    unitCostUsdc: 31_000,
    economics: robot(1_150, 0.22),
    baseUtilization: 0.95,
    liveDay: 20,
    monthlyRepayment: 0.02,
  },
  {
    pool: 'rot-a',
    model: 'Autonomous mobile robot, 1,500 kg payload',
    units: 18,
    location: 'Rotterdam, Waalhaven',
    unitCostUsdc: 44_000,
    economics: robot(1_600, 0.24),
    baseUtilization: 0.93,
    liveDay: 27,
    monthlyRepayment: 0.02,
    event: {
      kind: 'impaired',
      day: 131,
      writeDownShare: 0.55,
      writeDownAfterDays: 21,
      recoveryShare: 0.3,
      recoveryAfterDays: 45,
    },
  },
  {
    pool: 'rot-a',
    model: 'Goods-to-person picking robot',
    units: 25,
    location: 'Venlo, Limburg',
    unitCostUsdc: 24_000,
    economics: robot(880, 0.2),
    baseUtilization: 0.97,
    liveDay: 23,
    monthlyRepayment: 0.025,
  },
  {
    pool: 'rot-a',
    model: 'Autonomous forklift',
    units: 10,
    location: 'Antwerp, Port of Antwerp-Bruges',
    unitCostUsdc: 58_000,
    economics: robot(2_050, 0.26),
    baseUtilization: 0.9,
    liveDay: 41,
    monthlyRepayment: 0.018,
  },
  // Austin L40S Inference · Round 1: inference racks, nearly fully deployed (exits queue).
  {
    pool: 'aus1',
    model: 'NVIDIA L40S 48GB',
    units: 96,
    location: 'Austin, TX · Round Rock campus',
    unitCostUsdc: 11_000,
    economics: gpu(1.02, 0.41),
    baseUtilization: 0.81,
    liveDay: 22,
    monthlyRepayment: 0.02,
  },
  {
    pool: 'aus1',
    model: 'NVIDIA L40S 48GB',
    units: 64,
    location: 'Austin, TX · Round Rock campus',
    unitCostUsdc: 11_000,
    economics: gpu(1.02, 0.41),
    baseUtilization: 0.74,
    liveDay: 30,
    monthlyRepayment: 0.02,
  },
  {
    pool: 'aus1',
    model: 'NVIDIA RTX 6000 Ada 48GB',
    units: 48,
    location: 'San Antonio, TX',
    unitCostUsdc: 9_500,
    economics: gpu(0.72, 0.4),
    baseUtilization: 0.68,
    liveDay: 33,
    monthlyRepayment: 0.025,
  },
  {
    pool: 'aus1',
    model: 'AMD Instinct MI300X 192GB',
    units: 24,
    location: 'Dallas, TX · Fort Worth hall 2',
    unitCostUsdc: 21_000,
    economics: gpu(1.55, 0.45),
    baseUtilization: 0.63,
    liveDay: 44,
    monthlyRepayment: 0.02,
  },
  // Osaka Cleaning Robots · Series A: wound down after its lessee renewed in-house; fully repaid.
  {
    pool: 'osa-a',
    model: 'Commercial floor-cleaning robot',
    units: 60,
    location: 'Osaka, Umeda offices',
    unitCostUsdc: 14_000,
    economics: robot(640, 0.18),
    baseUtilization: 0.96,
    liveDay: 12,
    monthlyRepayment: 0.04,
  },
  {
    pool: 'osa-a',
    model: 'Commercial floor-cleaning robot',
    units: 35,
    location: 'Kobe, Harborland mall',
    unitCostUsdc: 14_000,
    economics: robot(640, 0.18),
    baseUtilization: 0.94,
    liveDay: 15,
    monthlyRepayment: 0.04,
  },
  {
    pool: 'osa-a',
    model: 'Window-facade cleaning robot',
    units: 8,
    location: 'Osaka, Nakanoshima towers',
    unitCostUsdc: 39_000,
    economics: robot(1_700, 0.25),
    baseUtilization: 0.88,
    liveDay: 19,
    monthlyRepayment: 0.04,
  },
  // Osaka Delivery Robots · Series B: sidewalk and in-building delivery.
  {
    pool: 'osa-b',
    model: 'Sidewalk delivery robot',
    units: 120,
    location: 'Osaka, Kita and Chuo wards',
    unitCostUsdc: 7_800,
    economics: robot(340, 0.24),
    baseUtilization: 0.91,
    liveDay: 52,
    monthlyRepayment: 0.025,
  },
  {
    pool: 'osa-b',
    model: 'In-building delivery robot with elevator link',
    units: 45,
    location: 'Osaka, Grand Front',
    unitCostUsdc: 12_500,
    economics: robot(520, 0.21),
    baseUtilization: 0.94,
    liveDay: 58,
    monthlyRepayment: 0.025,
  },
  {
    pool: 'osa-b',
    model: 'Hospital logistics robot',
    units: 22,
    location: 'Kyoto, university hospital',
    unitCostUsdc: 26_000,
    economics: robot(980, 0.2),
    baseUtilization: 0.97,
    liveDay: 66,
    monthlyRepayment: 0.02,
    // A loss marked a week ago and not yet written off: the pool's price carries the provision today.
    event: {
      kind: 'impaired',
      day: 193,
      writeDownShare: 0.25,
      writeDownAfterDays: 30,
      recoveryShare: 0,
      recoveryAfterDays: 60,
    },
  },
  // Ashburn H200 Expansion · Round 2: still raising; the machines are ordered, not yet financed.
  {
    pool: 'ash2',
    model: 'NVIDIA H200 SXM 141GB (8-GPU HGX)',
    units: 128,
    location: 'Ashburn, VA · DC5 (under construction)',
    unitCostUsdc: 32_000,
    economics: gpu(2.6, 0.47),
    baseUtilization: 0.85,
    liveDay: 10_000,
    monthlyRepayment: 0,
  },
];
