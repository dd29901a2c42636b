// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {MockUSDC} from "../../src/MockUSDC.sol";
import {HardwareAssetRegistry} from "../../src/HardwareAssetRegistry.sol";
import {TranchedPool} from "../../src/tranche/TranchedPool.sol";
import {TrancheVault, ITranchedPool} from "../../src/tranche/TrancheVault.sol";

/// @notice A tranched compute pool as a deploy would make it: 8 % senior, 20 % minimum junior, 10 % fee, two GPU
/// machine groups of the project's operator, and investors with USDC.
abstract contract TranchedPoolFixture is Test {
    uint256 internal constant USDC = 1e6;
    uint16 internal constant FEE_BPS = 1_000;
    uint16 internal constant SENIOR_RATE_BPS = 800;
    uint16 internal constant MIN_SUB_BPS = 2_000;
    uint32 internal constant STREAM = 7 days;

    MockUSDC internal usdc;
    HardwareAssetRegistry internal registry;
    TranchedPool internal pool;
    TrancheVault internal senior;
    TrancheVault internal junior;
    uint256 internal assetA;
    uint256 internal assetB;

    address internal admin = makeAddr("admin");
    address internal manager = makeAddr("manager");
    address internal reporter = makeAddr("reporter");
    address internal guardian = makeAddr("guardian");
    address internal treasury = makeAddr("treasury");
    address internal operator = makeAddr("operator");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    function setUp() public virtual {
        vm.warp(1_800_000_000);
        usdc = new MockUSDC();
        registry = new HardwareAssetRegistry(admin);
        pool = new TranchedPool(
            TranchedPool.Params({
                usdc: usdc,
                registry: registry,
                name: "Ashburn H100 Structured",
                category: 0,
                projectId: 1,
                projectOperator: operator,
                depositCap: 50_000_000 * USDC,
                admin: admin,
                manager: manager,
                reporter: reporter,
                guardian: guardian,
                treasury: treasury,
                protocolFeeBps: FEE_BPS,
                seniorRateBps: SENIOR_RATE_BPS,
                minSubordinationBps: MIN_SUB_BPS
            })
        );
        senior = new TrancheVault(usdc, ITranchedPool(address(pool)), true, "Ashburn Senior", "myASH-S", STREAM);
        junior = new TrancheVault(usdc, ITranchedPool(address(pool)), false, "Ashburn Junior", "myASH-J", STREAM);
        vm.startPrank(admin);
        pool.attachTranches(senior, junior);
        registry.grantRole(registry.REGISTRAR_ROLE(), manager);
        vm.stopPrank();
        vm.startPrank(manager);
        assetA = registry.registerAsset(
            address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100 SXM", 64, "Ashburn, VA", "ipfs://a"
        );
        assetB = registry.registerAsset(
            address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H200 SXM", 32, "Ashburn, VA", "ipfs://b"
        );
        vm.stopPrank();
        vm.startPrank(admin);
        pool.setAssetLimit(assetA, 50_000_000 * USDC);
        pool.setAssetLimit(assetB, 50_000_000 * USDC);
        vm.stopPrank();
        address[5] memory funded = [alice, bob, carol, reporter, manager];
        for (uint256 i = 0; i < funded.length; i++) {
            usdc.mint(funded[i], 100_000_000 * USDC);
            vm.startPrank(funded[i]);
            usdc.approve(address(senior), type(uint256).max);
            usdc.approve(address(junior), type(uint256).max);
            usdc.approve(address(pool), type(uint256).max);
            vm.stopPrank();
        }
    }

    function _deposit(TrancheVault vault, address who, uint256 assets) internal returns (uint256 shares) {
        vm.prank(who);
        shares = vault.deposit(assets, who);
    }

    function _distribute(uint256 assetId, uint256 amount) internal {
        TranchedPool.Distribution[] memory ds = new TranchedPool.Distribution[](1);
        ds[0] = TranchedPool.Distribution({
            assetId: assetId,
            amount: amount,
            periodStart: uint64(block.timestamp - 1 days),
            periodEnd: uint64(block.timestamp)
        });
        vm.prank(reporter);
        pool.distributeRevenue(ds);
    }

    function _impair(uint256 assetId, uint256 provision) internal {
        vm.startPrank(manager);
        registry.setStatus(assetId, HardwareAssetRegistry.Status.Impaired);
        pool.markImpairment(assetId, provision);
        vm.stopPrank();
    }
}
