// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {MockUSDC} from "../src/MockUSDC.sol";
import {FinancingPool} from "../src/FinancingPool.sol";

contract FinancingPoolTest is Test {
    MockUSDC internal usdc;
    FinancingPool internal pool;
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    event PoolConfigured(
        address indexed asset, string name, string symbol, FinancingPool.Category category, string metadataURI
    );

    function setUp() public {
        usdc = new MockUSDC();
        pool = new FinancingPool(usdc, "Ashburn H100 Round 1", "myASH1", FinancingPool.Category.Compute, "ipfs://pool");
    }

    function _deposit(address who, uint256 assets) internal returns (uint256 shares) {
        usdc.mint(who, assets);
        vm.startPrank(who);
        usdc.approve(address(pool), assets);
        shares = pool.deposit(assets, who);
        vm.stopPrank();
    }

    function test_constructor_setsConfigurationAndEmitsIt() public {
        vm.expectEmit(true, false, false, true);
        emit PoolConfigured(address(usdc), "Rotterdam AMR Fleet", "myROT1", FinancingPool.Category.Robotics, "ipfs://x");
        FinancingPool robotics =
            new FinancingPool(usdc, "Rotterdam AMR Fleet", "myROT1", FinancingPool.Category.Robotics, "ipfs://x");
        assertEq(robotics.name(), "Rotterdam AMR Fleet");
        assertEq(robotics.symbol(), "myROT1");
        assertEq(uint8(robotics.category()), uint8(FinancingPool.Category.Robotics));
        assertEq(robotics.metadataURI(), "ipfs://x");
        assertEq(robotics.asset(), address(usdc));
        assertEq(robotics.decimals(), 18);
    }

    function test_deposit_mintsSharesAndHoldsUsdc() public {
        uint256 shares = _deposit(alice, 100e6);
        assertEq(shares, 100e18);
        assertEq(pool.balanceOf(alice), shares);
        assertEq(pool.totalAssets(), 100e6);
        assertEq(usdc.balanceOf(address(pool)), 100e6);
        assertEq(pool.convertToAssets(shares), 100e6);
    }

    function test_deposit_revertsWithoutAllowance() public {
        usdc.mint(alice, 100e6);
        vm.prank(alice);
        vm.expectRevert();
        pool.deposit(100e6, alice);
    }

    function test_redeem_returnsUsdc() public {
        uint256 shares = _deposit(alice, 250e6);
        vm.prank(alice);
        uint256 assets = pool.redeem(shares, alice, alice);
        assertEq(assets, 250e6);
        assertEq(usdc.balanceOf(alice), 250e6);
        assertEq(pool.totalSupply(), 0);
    }

    function test_redeem_revertsBeyondBalance() public {
        uint256 shares = _deposit(alice, 10e6);
        vm.prank(alice);
        vm.expectRevert();
        pool.redeem(shares + 1, alice, alice);
    }

    /// The classic first-depositor attack: deposit 1 wei, donate a lot, and hope the victim's deposit rounds
    /// to zero shares. With 12 decimals of virtual offset the victim keeps almost all of it.
    function test_inflationAttack_victimKeepsDeposit() public {
        address attacker = makeAddr("attacker");
        _deposit(attacker, 1);
        usdc.mint(address(pool), 10_000e6); // the donation

        uint256 victimShares = _deposit(bob, 1_000e6);
        assertGt(victimShares, 0);
        vm.prank(bob);
        uint256 returned = pool.redeem(victimShares, bob, bob);
        assertApproxEqRel(returned, 1_000e6, 1e12); // within 0.0001%
        // The donation is lost to the attacker, not captured.
        uint256 attackerShares = pool.balanceOf(attacker);
        assertLt(pool.previewRedeem(attackerShares), 10_000e6);
    }

    function testFuzz_depositThenRedeem_neverReturnsMore(uint256 seed, uint256 assets, uint256 donation) public {
        uint256 prior = bound(seed, 0, 1e15);
        assets = bound(assets, 1, 1e15);
        donation = bound(donation, 0, 1e15);
        if (prior > 0) _deposit(alice, prior);
        if (donation > 0) {
            usdc.mint(address(pool), donation);
        }
        uint256 shares = _deposit(bob, assets);
        vm.prank(bob);
        uint256 back = pool.redeem(shares, bob, bob);
        assertLe(back, assets);
    }

    function testFuzz_depositsAreProRata(uint256 a, uint256 b) public {
        a = bound(a, 1e6, 1e13);
        b = bound(b, 1e6, 1e13);
        uint256 sa = _deposit(alice, a);
        uint256 sb = _deposit(bob, b);
        // Same price for both: shares per USDC equal to within rounding.
        assertApproxEqAbs(sa * b, sb * a, a + b);
    }
}
